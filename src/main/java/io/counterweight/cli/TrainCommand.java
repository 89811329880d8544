package io.counterweight.cli;

import io.counterweight.core.experiment.ConfigJson;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.ExperimentRunner;
import io.counterweight.core.experiment.RunResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code counterweight train DATA}: one run, evaluated on the test split, written to a run folder. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train and evaluate one run; progress on stderr, results on stdout, a run folder under --out.")
final class TrainCommand implements Callable<Integer> {
    @Mixin DataOptions dataOptions;
    @Mixin RecipeOptions recipe;

    @Option(names = "--json", description = "Print one JSON object on stdout.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        ExperimentConfig config = recipe.toConfig(dataOptions);
        ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr());
        RunResult result;
        try (RunSupport support = new RunSupport()) {
            result = ExperimentRunner.run(config, recipe.out, progress, support.control, progress);
        }
        progress.finishLine();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ConfigJson.write(result.toJsonMap()));
        } else {
            out.print(ResultText.summary(result));
        }
        out.flush();
        return 0;
    }
}
