package io.counterweight.cli;

import io.counterweight.core.data.DataSelection;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.data.DatasetLoader;
import io.counterweight.core.experiment.ConfigJson;
import io.counterweight.core.sampling.ClassWeights;
import io.counterweight.core.sampling.WeightMode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code counterweight inspect DATA}: the class table (train/test counts and weights) after the data options. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show classes, training/test counts and class weights (largest class = 1).")
final class InspectCommand implements Callable<Integer> {
    @Mixin DataOptions dataOptions;

    @Option(names = "--weight-mode", paramLabel = "MODE", defaultValue = "inverse",
            description = "inverse (the study's w ∝ 1/n) or effective (Cui et al., uses --beta).")
    String weightMode;

    @Option(names = "--beta", paramLabel = "B", defaultValue = "0.999", description = "β of effective-number weights.")
    double beta;

    @Option(names = "--json", description = "Print one JSON object on stdout.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        dataOptions.toConfig(); // validates the data options the same way train does
        WeightMode mode = RecipeOptions.parseWeightMode(weightMode);
        if (!(beta > 0 && beta < 1)) throw new io.counterweight.core.CounterweightException("--beta must be in (0, 1), got " + beta);

        try (RunSupport support = new RunSupport()) { // Ctrl-C while loading: "stopped", exit 130
            ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr(), support::stopRequested);
            Dataset data = support.stoppable(progress, () -> DataSelection.apply(
                    DatasetLoader.load(dataOptions.data, dataOptions.parsedFormat(), dataOptions.imageSize, dataOptions.seed, progress),
                    dataOptions.classes, dataOptions.imbalance, dataOptions.perClass, dataOptions.maxPerClass, dataOptions.seed));
            support.checkStopped(progress); // a reader that does not check (the demo set) ran to its end
            progress.finishLine();
            print(data, mode);
        }
        return 0;
    }

    private void print(Dataset data, WeightMode mode) {
        int[] train = data.trainCounts();
        int[] test = data.testCounts();
        double[] weights = ClassWeights.compute(train, mode, beta);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ConfigJson.write(toJson(data, train, test, weights)));
        } else {
            printTable(out, data, train, test, weights);
        }
        out.flush();
    }

    static Map<String, Object> toJson(Dataset data, int[] train, int[] test, double[] weights) {
        List<Map<String, Object>> classes = new ArrayList<>();
        for (int c = 0; c < data.numClasses(); c++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", c);
            row.put("name", data.classNames().get(c));
            row.put("train", train[c]);
            row.put("test", test[c]);
            row.put("weight", weights[c]);
            classes.add(row);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", data.format().id());
        json.put("classes", classes);
        json.put("train_total", data.train().size());
        json.put("test_total", data.test().size());
        return json;
    }

    private static void printTable(PrintWriter out, Dataset data, int[] train, int[] test, double[] weights) {
        out.printf(Locale.ROOT, "%s (%s): %d classes, images %s%n", data.name(), data.format().id(), data.numClasses(), data.shape());
        data.notes().forEach((k, v) -> out.printf(Locale.ROOT, "%s: %s%n", k.replace('_', ' '), v));
        int width = Math.max(4, data.classNames().stream().mapToInt(String::length).max().orElse(4));
        String row = "%4s  %-" + width + "s  %7s  %7s  %8s%n";
        out.printf(Locale.ROOT, row, "id", "name", "train", "test", "weight");
        for (int c = 0; c < data.numClasses(); c++) {
            out.printf(Locale.ROOT, row, c, data.classNames().get(c), train[c], test[c], String.format(Locale.ROOT, "%.3f", weights[c]));
        }
        out.printf(Locale.ROOT, row, "", "total", data.train().size(), data.test().size(), "");
    }
}
