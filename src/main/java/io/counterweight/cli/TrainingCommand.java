package io.counterweight.cli;

import io.counterweight.core.experiment.ConfigJson;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.train.TrainingControl;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What {@code train} and {@code compare} share: the options, progress on stderr, Ctrl-C that finishes
 * the run folder, and the result on stdout as text or as one JSON object.
 */
abstract class TrainingCommand<R> implements Callable<Integer> {
    @Mixin DataOptions dataOptions;
    @Mixin RecipeOptions recipe;

    @Option(names = "--json", description = "Print one JSON object on stdout (progress stays on stderr).")
    boolean json;

    @Spec CommandSpec spec;

    abstract R execute(ExperimentConfig config, Path outDir, ProgressPrinter progress, TrainingControl control);

    /** The run's config from the options (train --from builds it from a run folder instead). */
    ExperimentConfig config() {
        return recipe.toConfig(dataOptions);
    }

    /** Where the run folder goes, checked writable before anything trains. */
    Path outDir() {
        return recipe.outDir();
    }

    /** What the user should know about a result that ended normally (e.g. a collapsed network). */
    List<String> warnings(R result) {
        return List.of();
    }

    abstract Object toJson(R result);

    abstract String toText(R result);

    /** Whether the user's stop cut the result short (then the exit code is {@link Main#EXIT_STOPPED}). */
    abstract boolean stopped(R result);

    /**
     * Prints what exists, a stopped run included (its JSON says {@code "cancelled": true}), inside the stop
     * hook's reach; a stop before training began (while loading) ends as {@link Stopped}.
     */
    @Override
    public Integer call() {
        ExperimentConfig config = config();
        Path outDir = outDir(); // a read-only or full disk is said now, not after training
        try (RunSupport support = new RunSupport()) {
            ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr(), support::stopRequested);
            R result = support.stoppable(progress, () -> execute(config, outDir, progress, support.control));
            progress.finishLine();
            for (String w : warnings(result)) spec.commandLine().getErr().println("counterweight: warning: " + w);
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? ConfigJson.write(toJson(result)) + System.lineSeparator() : toText(result));
            out.flush();
            return stopped(result) ? Main.EXIT_STOPPED : 0;
        }
    }
}
