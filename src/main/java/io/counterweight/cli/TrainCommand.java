package io.counterweight.cli;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.experiment.ConfigJson;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.ExperimentRunner;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.experiment.RunStore;
import io.counterweight.core.experiment.Workspace;
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

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "Continue the interrupted or stopped run in RUN_DIR from its last checkpoint, in its own folder.")
    Path resume;

    @Override
    ExperimentConfig config() {
        if (resume != null) return resumedConfig();
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

    /** A resumed run is the run as it was: nothing on the command line may change it. */
    private ExperimentConfig resumedConfig() {
        var given = spec.commandLine().getParseResult();
        for (var option : given.matchedOptions()) {
            String name = option.longestName();
            if (!name.equals("--resume") && !name.equals("--json")) {
                throw new CounterweightException("--resume continues a run as it was; " + name
                        + " cannot change it (repeat it with changes: --from)");
            }
        }
        if (dataOptions.data != null) throw new CounterweightException("--resume takes no DATA: the run's own data is used");
        if (from != null) throw new CounterweightException("--resume and --from exclude each other");
        if (!Files.isRegularFile(resume.resolve(RunStore.CONFIG))) {
            throw new CounterweightException("--resume " + resume + ": not a Counterweight run folder (no " + RunStore.CONFIG + ")");
        }
        return ConfigJson.readConfig(resume.resolve(RunStore.CONFIG));
    }

    @Override
    Path outDir() {
        return resume != null ? new Workspace(resume).ensureWritable().dir().getParent() : super.outDir();
    }

    @Override
    java.util.List<String> warnings(RunResult result) {
        return result.warnings();
    }

    @Override
    RunResult execute(ExperimentConfig config, Path outDir, ProgressPrinter progress, TrainingControl control) {
        if (resume != null) {
            return ExperimentRunner.resume(resume, progress, control, progress, TrainingTuning.defaults(), notes -> {
                progress.finishLine();
                notes.forEach(n -> spec.commandLine().getErr().println("counterweight: note: " + n));
            });
        }
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
