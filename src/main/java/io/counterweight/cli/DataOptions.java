package io.counterweight.cli;

import io.counterweight.core.data.DatasetFormat;
import io.counterweight.core.experiment.ExperimentConfig;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Parameters;

/** The data set and its long-tail/subset options, shared by every command. */
final class DataOptions {
    @Parameters(index = "0", paramLabel = "DATA", arity = "0..1",
            description = "A data folder or file (CIFAR binary/python, IDC, IDX, image folder), or 'demo'.")
    String data;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto, cifar10, cifar100, cifar10-py, cifar100-py, idc, idx, folder or demo (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--classes", paramLabel = "K", defaultValue = "0",
            description = "Keep the first K classes (0 = all). On CIFAR-100, 50 gives the study's CIFAR-50.")
    int classes;

    @Option(names = "--imbalance", paramLabel = "U", defaultValue = "1.0",
            description = "Long-tail ratio u in (0, 1]: class x keeps floor(n_max * u^(x/(C-1))) images (1 = as loaded).")
    double imbalance;

    @Option(names = "--per-class", paramLabel = "N", split = ",", arity = "1..*",
            description = "Exact training images per class, e.g. 772,76 (the study's IDC subset).")
    List<Integer> perClass = new ArrayList<>();

    @Option(names = "--max-per-class", paramLabel = "N", defaultValue = "0",
            description = "n_max: no class keeps more than N training images; the long tail of --imbalance starts from it "
                    + "(0 = the largest class as loaded). E.g. 1000 on Fashion-MNIST's 6,000 a class.")
    int maxPerClass;

    @Option(names = "--image-size", paramLabel = "PX", defaultValue = "0",
            description = "Resize folder images to PX x PX (0 = the size of the first image).")
    int imageSize;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    /** The study recipe (or the fast demo recipe on the demo set) with these data options, validated. */
    ExperimentConfig toConfig() {
        ExperimentConfig base = ExperimentConfig.DEMO.equalsIgnoreCase(data) ? ExperimentConfig.fastDemo() : ExperimentConfig.study(data);
        return base.toBuilder().data(data).format(parsedFormat()).classes(classes).imbalance(imbalance)
                .perClass(perClass).maxPerClass(maxPerClass).imageSize(imageSize).seed(seed).build().validate();
    }

    /**
     * {@code base} with the data options the user typed (others keep base's values): {@code train --from}
     * repeats a run with only what the command line changes.
     */
    ExperimentConfig.Builder applyGiven(ExperimentConfig.Builder b, ParseResult given) {
        if (data != null) b.data(data);
        if (given.hasMatchedOption("--format")) b.format(parsedFormat());
        if (given.hasMatchedOption("--classes")) b.classes(classes);
        if (given.hasMatchedOption("--imbalance")) b.imbalance(imbalance);
        if (given.hasMatchedOption("--per-class")) b.perClass(perClass);
        if (given.hasMatchedOption("--max-per-class")) b.maxPerClass(maxPerClass);
        if (given.hasMatchedOption("--image-size")) b.imageSize(imageSize);
        if (given.hasMatchedOption("--seed")) b.seed(seed);
        return b;
    }

    DatasetFormat parsedFormat() {
        return DatasetFormat.fromId(format);
    }
}
