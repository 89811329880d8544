package io.counterweight.cli;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.augment.AugmentConfig;
import io.counterweight.core.augment.TransformConfig;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.sampling.WeightMode;
import java.nio.file.Path;
import io.counterweight.core.experiment.Workspace;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** Remedies and training recipe; defaults are the study's recipe (batch 32, 50 epochs, SGD 1e-4, momentum 0.9). */
final class RecipeOptions {
    @Option(names = "--sampler", description = "Use the re-weighted random sampler (draws with replacement, p ∝ class weight).")
    boolean sampler;

    @Option(names = "--weight-mode", paramLabel = "MODE", defaultValue = "inverse",
            description = "Class weights: inverse (the study's w ∝ 1/n) or effective (Cui et al., uses --beta).")
    String weightMode;

    @Option(names = "--beta", paramLabel = "B", defaultValue = "0.999", description = "β of effective-number weights.")
    double beta;

    @Option(names = "--rotate", paramLabel = "P", description = "Random rotation with probability P.")
    Double rotate;

    @Option(names = "--affine", paramLabel = "P", description = "Random affine (translate/scale/shear) with probability P.")
    Double affine;

    @Option(names = "--flip", paramLabel = "P", description = "Horizontal flip with probability P.")
    Double flip;

    @Option(names = "--jitter", paramLabel = "P", description = "Colour jitter with probability P.")
    Double jitter;

    @Option(names = "--augment", paramLabel = "P", description = "All four augmentations with probability P (the study: 0.3).")
    Double augment;

    @Option(names = "--epochs", paramLabel = "E", description = "Epochs (default: 50, or 3 on the demo set).")
    Integer epochs;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "32", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", paramLabel = "LR", description = "SGD learning rate (default: 1e-4, or 0.01 on the demo set).")
    Double lr;

    @Option(names = "--momentum", paramLabel = "M", defaultValue = "0.9", description = "SGD momentum (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "study", description = "study, lenet or mlp (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--out", paramLabel = "DIR", description = "Put this run's folder here instead of the workspace.")
    Path out;

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "Where runs go (default: $COUNTERWEIGHT_WORKSPACE, else the platform's application data folder).")
    String workspace;

    /** The folder run folders go to, checked writable before anything trains. */
    Path outDir() {
        return (out != null ? new Workspace(out) : Workspace.resolve(workspace)).ensureWritable().dir();
    }

    /** {@code base} with the remedies and recipe options the user typed (others keep base's values). */
    ExperimentConfig.Builder applyGiven(ExperimentConfig.Builder b, ParseResult given) {
        if (given.hasMatchedOption("--sampler")) b.sampler(sampler);
        if (given.hasMatchedOption("--weight-mode")) b.weightMode(parseWeightMode());
        if (given.hasMatchedOption("--beta")) b.beta(beta);
        if (augment != null || rotate != null || affine != null || flip != null || jitter != null) b.augment(augmentConfig());
        if (given.hasMatchedOption("--model")) b.model(model);
        if (epochs != null) b.epochs(epochs);
        if (given.hasMatchedOption("--batch")) b.batch(batch);
        if (lr != null) b.learningRate(lr);
        if (given.hasMatchedOption("--momentum")) b.momentum(momentum);
        return b;
    }

    /** Builds the validated config: the study recipe, or the fast demo recipe on the demo set. */
    ExperimentConfig toConfig(DataOptions d) {
        ExperimentConfig base = d.toConfig();
        ExperimentConfig withLabel = base.toBuilder()
                .sampler(sampler).weightMode(parseWeightMode()).beta(beta).augment(augmentConfig())
                .model(model).epochs(epochs == null ? base.recipe().epochs() : epochs).batch(batch)
                .learningRate(lr == null ? base.recipe().learningRate() : lr).momentum(momentum)
                .build();
        return withLabel.toBuilder().label(withLabel.remediesLabel()).build().validate();
    }

    WeightMode parseWeightMode() {
        return parseWeightMode(weightMode);
    }

    static WeightMode parseWeightMode(String weightMode) {
        return switch (weightMode.toLowerCase(java.util.Locale.ROOT)) {
            case "inverse", "inverse-frequency" -> WeightMode.INVERSE_FREQUENCY;
            case "effective", "effective-number" -> WeightMode.EFFECTIVE_NUMBER;
            default -> throw new CounterweightException("--weight-mode must be inverse or effective, got '" + weightMode + "'");
        };
    }

    AugmentConfig augmentConfig() {
        AugmentConfig a = AugmentConfig.none();
        if (augment != null) a = AugmentConfig.all(probability("--augment", augment));
        if (rotate != null) a = a.withRotation(TransformConfig.on(probability("--rotate", rotate)));
        if (affine != null) a = a.withAffine(TransformConfig.on(probability("--affine", affine)));
        if (flip != null) a = a.withFlip(TransformConfig.on(probability("--flip", flip)));
        if (jitter != null) a = a.withJitter(TransformConfig.on(probability("--jitter", jitter)));
        return a;
    }

    private static double probability(String option, double p) {
        if (!(p >= 0 && p <= 1)) throw new CounterweightException(option + " must be a probability in [0, 1], got " + p);
        return p;
    }
}
