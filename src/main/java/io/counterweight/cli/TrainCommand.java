package io.counterweight.cli;

import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.ExperimentRunner;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.train.TrainingControl;
import picocli.CommandLine.Command;

/** {@code counterweight train DATA}: one run, evaluated on the test split, written to a run folder. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train and evaluate one run; progress on stderr, results on stdout, a run folder under --out.")
final class TrainCommand extends TrainingCommand<RunResult> {

    @Override
    RunResult execute(ExperimentConfig config, ProgressPrinter progress, TrainingControl control) {
        return ExperimentRunner.run(config, recipe.out, progress, control, progress);
    }

    @Override
    Object toJson(RunResult result) {
        return result.toJsonMap();
    }

    @Override
    String toText(RunResult result) {
        return ResultText.summary(result);
    }
}
