package io.counterweight.cli;

import io.counterweight.core.experiment.Comparison;
import io.counterweight.core.experiment.ConfigJson;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.ExperimentRunner;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code counterweight compare DATA}: the study's experiment. A baseline run (no sampler, no
 * augmentation) and an improved run (sampler + four augmentations at p = 0.3) on the same data, seed
 * and recipe, then the study's table.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run baseline and improved (sampler + augmentation p=0.3) with the same seed; print the study's table.")
final class CompareCommand implements Callable<Integer> {
    @Mixin DataOptions dataOptions;
    @Mixin RecipeOptions recipe;

    @Option(names = "--json", description = "Print one JSON object {baseline, improved} on stdout.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        ExperimentConfig config = recipe.toConfig(dataOptions);
        ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr());
        Comparison comparison;
        try (RunSupport support = new RunSupport()) {
            comparison = ExperimentRunner.compare(config, recipe.out, progress, support.control, progress);
        }
        progress.finishLine();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> both = new LinkedHashMap<>();
            both.put("baseline", comparison.baseline().toJsonMap());
            both.put("improved", comparison.improved().toJsonMap());
            out.println(ConfigJson.write(both));
        } else {
            out.print(comparison.toTable());
            out.println("Run folders: " + comparison.baseline().runDir() + " and " + comparison.improved().runDir());
        }
        out.flush();
        return 0;
    }
}
