package io.counterweight.cli;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.experiment.ConfigJson;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.ExperimentRunner;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.experiment.RunStore;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingTuning;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code counterweight train DATA}: one run, evaluated on the test split, written to a run folder.
 * {@code train --from RUN_DIR}: the same run again from its folder, with only the options given changed.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train and evaluate one run; progress on stderr, results on stdout, a run folder in the workspace.")
final class TrainCommand extends TrainingCommand<RunResult> {

    @Option(names = "--from", paramLabel = "RUN_DIR",
            description = "Repeat the run in RUN_DIR (its config.json); options given here override its settings.")
    Path from;

    @Override
    ExperimentConfig config() {
        if (from == null) return super.config();
        if (!Files.isRegularFile(from.resolve(RunStore.CONFIG))) {
            throw new CounterweightException("--from " + from + ": not a Counterweight run folder (no " + RunStore.CONFIG + ")");
        }
        ExperimentConfig stored = ConfigJson.readConfig(from.resolve(RunStore.CONFIG));
        var given = spec.commandLine().getParseResult();
        ExperimentConfig.Builder b = recipe.applyGiven(dataOptions.applyGiven(stored.toBuilder(), given), given);
        ExperimentConfig c = b.build();
        if (!c.remedies().equals(stored.remedies())) c = c.toBuilder().label(c.remediesLabel()).build();
        return c.validate();
    }

    @Override
    RunResult execute(ExperimentConfig config, Path outDir, ProgressPrinter progress, TrainingControl control) {
        if (from == null) return ExperimentRunner.run(config, outDir, progress, control, progress);
        return ExperimentRunner.repeat(from, config, outDir, progress, control, progress, TrainingTuning.defaults(),
                notes -> {
                    progress.finishLine(); // the loading progress line ends before the notes
                    notes.forEach(n -> spec.commandLine().getErr().println("counterweight: note: " + n));
                });
    }

    @Override
    Object toJson(RunResult result) {
        return result.toJsonMap();
    }

    @Override
    String toText(RunResult result) {
        return ResultText.summary(result);
    }

    @Override
    boolean stopped(RunResult result) {
        return result.cancelled();
    }
}
