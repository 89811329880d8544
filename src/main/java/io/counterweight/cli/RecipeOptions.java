package io.counterweight.cli;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.augment.AugmentConfig;
import io.counterweight.core.augment.TransformConfig;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.sampling.WeightMode;
import java.nio.file.Path;
import io.counterweight.core.experiment.Workspace;
import io.counterweight.core.experiment.RecipePresets;
import io.counterweight.core.train.LossKind;
import io.counterweight.core.train.LrDecay;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * Remedies and training recipe; defaults are the study's recipe (batch 32, 50 epochs, SGD 1e-4, momentum 0.9)
 * and no remedy. Each remedy is explained in docs/methods.md.
 */
final class RecipeOptions {
    @Spec(Spec.Target.MIXEE) CommandSpec mixee;

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

    @Option(names = "--loss", paramLabel = "LOSS", defaultValue = "ce",
            description = "Training loss: ce (plain cross-entropy), weighted (class-weighted by --weight-mode/--beta), "
                    + "or logit-adjusted (cross-entropy on softmax(z + τ·log prior); --tau 1 is the balanced softmax). "
                    + "See docs/methods.md.")
    String loss;

    @Option(names = "--tau", paramLabel = "T", defaultValue = "1.0",
            description = "τ of --loss logit-adjusted (default: ${DEFAULT-VALUE}, the balanced softmax).")
    double tau;

    @Option(names = "--defer-epoch", paramLabel = "E", defaultValue = "0",
            description = "Switch the sampler and the weighted loss on only from epoch E, plain before "
                    + "(deferred re-sampling / re-weighting, DRS/DRW); 0 = from the start.")
    int deferEpoch;

    @Option(names = "--mixup", paramLabel = "ALPHA", defaultValue = "0",
            description = "Mixup: blend pairs of images and their labels with λ ~ Beta(α, α); 0 = off (0.2-1 is usual).")
    double mixup;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "A training recipe: study (the study's: batch 32, 50 epochs, lr 1e-4) or recommended "
                    + "(batch 32, 50 epochs, lr 0.01, cosine decay; docs/methods.md). Options given override it.")
    String preset;

    @Option(names = "--epochs", paramLabel = "E", description = "Epochs (default: 50, or 3 on the demo set).")
    Integer epochs;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "32", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", paramLabel = "LR", description = "SGD learning rate (default: 1e-4, or 0.01 on the demo set).")
    Double lr;

    @Option(names = "--momentum", paramLabel = "M", defaultValue = "0.9", description = "SGD momentum (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--warmup", paramLabel = "K", defaultValue = "0",
            description = "Raise the learning rate linearly over the first K epochs (default: ${DEFAULT-VALUE}, none).")
    int warmup;

    @Option(names = "--decay", paramLabel = "KIND", defaultValue = "none",
            description = "Learning-rate decay per epoch: none, step (× --decay-gamma every --decay-every epochs) or "
                    + "cosine (towards 0 over the run).")
    String decay;

    @Option(names = "--decay-every", paramLabel = "S", defaultValue = "10",
            description = "Epochs between two steps of --decay step (default: ${DEFAULT-VALUE}).")
    int decayEvery;

    @Option(names = "--decay-gamma", paramLabel = "G", defaultValue = "0.1",
            description = "Factor of each step of --decay step (default: ${DEFAULT-VALUE}).")
    double decayGamma;

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

    /**
     * {@code b} with the preset (if given) and then the remedies and recipe options the user typed (others
     * keep b's values): explicit options override the preset's.
     */
    ExperimentConfig.Builder applyGiven(ExperimentConfig.Builder b, ParseResult given) {
        if (preset != null) b.recipe(RecipePresets.recipe(preset));
        if (given.hasMatchedOption("--sampler")) b.sampler(sampler);
        if (given.hasMatchedOption("--weight-mode")) b.weightMode(parseWeightMode());
        if (given.hasMatchedOption("--beta")) b.beta(beta);
        if (augment != null || rotate != null || affine != null || flip != null || jitter != null) b.augment(augmentConfig());
        if (given.hasMatchedOption("--loss")) b.loss(parseLoss(loss));
        if (given.hasMatchedOption("--tau")) b.tau(tau);
        if (given.hasMatchedOption("--defer-epoch")) b.deferEpoch(deferEpoch);
        if (given.hasMatchedOption("--mixup")) b.mixup(mixup);
        if (given.hasMatchedOption("--model")) b.model(model);
        if (epochs != null) b.epochs(epochs);
        if (given.hasMatchedOption("--batch")) b.batch(batch);
        if (lr != null) b.learningRate(lr);
        if (given.hasMatchedOption("--momentum")) b.momentum(momentum);
        if (given.hasMatchedOption("--warmup")) b.warmup(warmup);
        if (given.hasMatchedOption("--decay")) b.decay(parseDecay(decay));
        if (given.hasMatchedOption("--decay-every")) b.decayEvery(decayEvery);
        if (given.hasMatchedOption("--decay-gamma")) b.decayGamma(decayGamma);
        return b;
    }

    /** Builds the validated config: the preset, else the study recipe (the fast demo recipe on the demo set), with the options given. */
    ExperimentConfig toConfig(DataOptions d) {
        return toConfig(d, mixee.commandLine().getParseResult());
    }

    ExperimentConfig toConfig(DataOptions d, ParseResult given) {
        ExperimentConfig withOptions = applyGiven(d.toConfig().toBuilder(), given).build();
        return withOptions.toBuilder().label(withOptions.remediesLabel()).build().validate();
    }

    static LossKind parseLoss(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "ce", "cross-entropy" -> LossKind.CROSS_ENTROPY;
            case "weighted" -> LossKind.WEIGHTED;
            case "logit-adjusted", "la" -> LossKind.LOGIT_ADJUSTED;
            default -> throw new CounterweightException("--loss must be ce, weighted or logit-adjusted, got '" + name + "'");
        };
    }

    static LrDecay parseDecay(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "none" -> LrDecay.NONE;
            case "step" -> LrDecay.STEP;
            case "cosine" -> LrDecay.COSINE;
            default -> throw new CounterweightException("--decay must be none, step or cosine, got '" + name + "'");
        };
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
