package io.counterweight.core.experiment;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.augment.AugmentConfig;
import io.counterweight.core.data.DatasetFormat;
import io.counterweight.core.sampling.WeightMode;
import java.util.List;

/**
 * Everything needed to repeat a run: data and its long-tail/subset options, the two remedies, the
 * recipe and the seed. Validates itself; error messages name the CLI option. Serialised as
 * {@code config.json} in each run folder (see {@link ConfigJson}).
 *
 * @param data       a path, or "demo" for the built-in generated set
 * @param classes    keep the first K classes (0 = all); on CIFAR-100, 50 gives the study's CIFAR-50
 * @param imbalance  long-tail ratio u in (0, 1]; 1 leaves the training split as loaded
 * @param perClass   exact training images per class (empty = as loaded); wins over {@code imbalance}
 * @param imageSize  side length images are resized to for folder/IDC data (0 = keep the native size)
 * @param label      the run's name in the UI and the run folder, e.g. "baseline" or "improved"
 */
public record ExperimentConfig(String data, DatasetFormat format, int classes, double imbalance, List<Integer> perClass,
                               int imageSize, long seed, boolean sampler, WeightMode weightMode, double beta,
                               AugmentConfig augment, String model, int epochs, int batch, double learningRate,
                               double momentum, String label) {

    public static final String DEMO = "demo";
    public static final List<String> MODELS = List.of("study", "lenet", "mlp");

    public ExperimentConfig {
        perClass = perClass == null ? List.of() : List.copyOf(perClass);
        if (format == null) format = DatasetFormat.AUTO;
        if (weightMode == null) weightMode = WeightMode.INVERSE_FREQUENCY;
        if (augment == null) augment = AugmentConfig.none();
        if (label == null || label.isBlank()) label = "run";
    }

    /** The study's recipe (batch 32, 50 epochs, SGD lr 1e-4, momentum 0.9), baseline remedies off. */
    public static ExperimentConfig study(String data) {
        return new ExperimentConfig(data, DatasetFormat.AUTO, 0, 1.0, List.of(), 0, 42, false,
                WeightMode.INVERSE_FREQUENCY, 0.999, AugmentConfig.none(), "study", 50, 32, 1e-4, 0.9, "baseline");
    }

    /** Something visible within a minute on a laptop CPU: the demo set, 3 epochs, a larger step. */
    public static ExperimentConfig fastDemo() {
        return new ExperimentConfig(DEMO, DatasetFormat.DEMO, 0, 1.0, List.of(), 0, 42, false,
                WeightMode.INVERSE_FREQUENCY, 0.999, AugmentConfig.none(), "study", 3, 32, 0.01, 0.9, "baseline");
    }

    /** Same data, recipe and seed with both remedies off. */
    public ExperimentConfig asBaseline() {
        return toBuilder().sampler(false).augment(AugmentConfig.none()).label("baseline").build();
    }

    /** Same data, recipe and seed with the study's remedies: sampler + four augmentations at p = 0.3. */
    public ExperimentConfig asImproved() {
        return toBuilder().sampler(true).augment(AugmentConfig.study()).label("improved").build();
    }

    /** "improved" when a remedy (sampler or any augmentation) is on, else "baseline": the default run label. */
    public String remediesLabel() {
        return sampler || augment.anyEnabled() ? "improved" : "baseline";
    }

    public boolean isDemo() {
        return DEMO.equalsIgnoreCase(data) || format == DatasetFormat.DEMO;
    }

    /** @throws CounterweightException naming the first bad option */
    public ExperimentConfig validate() {
        if (data == null || data.isBlank()) fail("DATA: a data path (or 'demo') is required");
        if (classes < 0 || classes == 1) fail("--classes must be 0 (all) or at least 2, got " + classes);
        if (!(imbalance > 0 && imbalance <= 1)) fail("--imbalance must be in (0, 1], got " + imbalance);
        for (int n : perClass) if (n < 1) fail("--per-class counts must be at least 1, got " + n);
        if (imageSize < 0 || imageSize > 256) fail("--image-size must be 0 (native) or 1..256, got " + imageSize);
        if (!(beta > 0 && beta < 1)) fail("--beta must be in (0, 1), got " + beta);
        if (!MODELS.contains(model)) fail("--model must be one of " + String.join(", ", MODELS) + ", got '" + model + "'");
        if (epochs < 1 || epochs > 10_000) fail("--epochs must be in 1..10000, got " + epochs);
        if (batch < 1 || batch > 4096) fail("--batch must be in 1..4096, got " + batch);
        if (!(learningRate > 0 && learningRate < 10)) fail("--lr must be in (0, 10), got " + learningRate);
        if (!(momentum >= 0 && momentum < 1)) fail("--momentum must be in [0, 1), got " + momentum);
        return this;
    }

    private static void fail(String message) {
        throw new CounterweightException(message);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable copy for the CLI and the GUI view models. */
    public static final class Builder {
        private String data; private DatasetFormat format; private int classes; private double imbalance;
        private List<Integer> perClass; private int imageSize; private long seed; private boolean sampler;
        private WeightMode weightMode; private double beta; private AugmentConfig augment; private String model;
        private int epochs; private int batch; private double learningRate; private double momentum; private String label;

        private Builder(ExperimentConfig c) {
            data = c.data; format = c.format; classes = c.classes; imbalance = c.imbalance; perClass = c.perClass;
            imageSize = c.imageSize; seed = c.seed; sampler = c.sampler; weightMode = c.weightMode; beta = c.beta;
            augment = c.augment; model = c.model; epochs = c.epochs; batch = c.batch; learningRate = c.learningRate;
            momentum = c.momentum; label = c.label;
        }

        public Builder data(String v) { data = v; return this; }
        public Builder format(DatasetFormat v) { format = v; return this; }
        public Builder classes(int v) { classes = v; return this; }
        public Builder imbalance(double v) { imbalance = v; return this; }
        public Builder perClass(List<Integer> v) { perClass = v; return this; }
        public Builder imageSize(int v) { imageSize = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder sampler(boolean v) { sampler = v; return this; }
        public Builder weightMode(WeightMode v) { weightMode = v; return this; }
        public Builder beta(double v) { beta = v; return this; }
        public Builder augment(AugmentConfig v) { augment = v; return this; }
        public Builder model(String v) { model = v; return this; }
        public Builder epochs(int v) { epochs = v; return this; }
        public Builder batch(int v) { batch = v; return this; }
        public Builder learningRate(double v) { learningRate = v; return this; }
        public Builder momentum(double v) { momentum = v; return this; }
        public Builder label(String v) { label = v; return this; }

        public ExperimentConfig build() {
            return new ExperimentConfig(data, format, classes, imbalance, perClass, imageSize, seed, sampler, weightMode,
                    beta, augment, model, epochs, batch, learningRate, momentum, label);
        }
    }

}
