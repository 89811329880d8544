package io.counterweight.cli;

import io.counterweight.core.experiment.Comparison;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.ExperimentRunner;
import io.counterweight.core.train.TrainingControl;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code counterweight compare DATA}: the study's experiment. A baseline run (no sampler, no
 * augmentation) and an improved run (sampler + four augmentations at p = 0.3) on the same data, seed
 * and recipe, then the study's table.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run baseline and improved (sampler + augmentation p=0.3) with the same seed; print the study's table.")
final class CompareCommand extends TrainingCommand<Comparison> {

    @Override
    Comparison execute(ExperimentConfig config, Path outDir, ProgressPrinter progress, TrainingControl control) {
        if (config.remedies().sampler() || config.remedies().augment().anyEnabled()) {
            spec.commandLine().getErr().println("counterweight: note: compare sets the study's remedies itself (baseline: none; "
                    + "improved: sampler + all four augmentations at p=0.3, plus any --loss, --defer-epoch, --mixup); "
                    + "--sampler and the augmentation options are ignored");
        }
        return ExperimentRunner.compare(config, outDir, progress, control, progress);
    }

    /** Both runs as {@code train --json} prints them, and whether a stop cut them short. */
    @Override
    java.util.List<String> warnings(Comparison c) {
        java.util.List<String> out = new java.util.ArrayList<>();
        c.baseline().warnings().forEach(w -> out.add("baseline: " + w));
        c.improved().warnings().forEach(w -> out.add("improved: " + w));
        return out;
    }

    @Override
    Object toJson(Comparison comparison) {
        Map<String, Object> both = new LinkedHashMap<>();
        both.put("baseline", comparison.baseline().toJsonMap());
        both.put("improved", comparison.improved().toJsonMap());
        both.put("cancelled", stopped(comparison));
        return both;
    }

    /** The study's table; after a stop the runs did not train equally long, so the baseline's summary instead. */
    @Override
    String toText(Comparison comparison) {
        String folders = "Run folders: " + comparison.baseline().runDir() + " and " + comparison.improved().runDir()
                + System.lineSeparator();
        if (!stopped(comparison)) return comparison.toTable() + folders;
        String stoppedLine = comparison.baseline().cancelled()
                ? "stopped during the baseline: the improved run did not train; no comparison"
                : "improved run stopped after " + comparison.improved().epochsDone() + " epoch(s); no comparison";
        return ResultText.summary(comparison.baseline()) + stoppedLine + System.lineSeparator() + folders;
    }

    @Override
    boolean stopped(Comparison comparison) {
        return comparison.baseline().cancelled() || comparison.improved().cancelled();
    }
}
