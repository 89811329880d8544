package io.counterweight.core.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.counterweight.core.CounterweightException;
import io.counterweight.core.augment.AugmentConfig;
import io.counterweight.core.data.DataSelection;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.data.DatasetFormat;
import io.counterweight.core.model.ModelSpec;
import io.counterweight.core.sampling.WeightMode;
import io.counterweight.core.train.LearningRateSchedule;
import io.counterweight.core.train.LossKind;
import io.counterweight.core.train.LrDecay;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything needed to repeat a run, in three parts that change for different reasons: which data
 * ({@link DataSpec}), which remedies against the imbalance ({@link Remedies}), and the training recipe
 * ({@link Recipe}); plus the seed of every random choice and the run's label. Validates itself; error
 * messages name the CLI option. Serialised as {@code config.json} in each run folder (see
 * {@link ConfigJson}, which also reads the flat layout of older run folders).
 *
 * @param label the run's name in the UI and the run folder, e.g. "baseline" or "improved"
 */
public record ExperimentConfig(DataSpec data, Remedies remedies, Recipe recipe, long seed, String label) {

    public static final String DEMO = "demo";
    public static final List<String> MODELS = ModelSpec.ARCHITECTURES;

    /**
     * Which data, and which part of it, a run trains on.
     *
     * @param path      a path, or "demo" for the built-in generated set
     * @param classes   keep the first K classes (0 = all); on CIFAR-100, 50 gives the study's CIFAR-50
     * @param imbalance long-tail ratio u in (0, 1]; 1 leaves the training split as loaded
     * @param perClass  exact training images per class (empty = as loaded); not together with {@code imbalance} < 1
     * @param imageSize side length images are resized to for folder/IDC data (0 = keep the native size)
     * @param maxPerClass n_max: no class keeps more training images than this (0 = the largest class as loaded);
     *                    with {@code imbalance} < 1 the long tail starts from it, e.g. Fashion-MNIST's 6,000 a class
     *                    cut to CIFAR-LT's scale
     */
    public record DataSpec(String path, DatasetFormat format, int classes, double imbalance, List<Integer> perClass,
                           int imageSize, int maxPerClass) {
        public DataSpec {
            perClass = perClass == null ? List.of() : List.copyOf(perClass);
            if (format == null) format = DatasetFormat.AUTO;
        }

        /** Without a cap on the class size (configs written before {@code maxPerClass} existed). */
        public DataSpec(String path, DatasetFormat format, int classes, double imbalance, List<Integer> perClass,
                        int imageSize) {
            this(path, format, classes, imbalance, perClass, imageSize, 0);
        }

        /** The part of {@code loaded} this spec trains on (classes, long tail, counts); the test split stays. */
        public Dataset select(Dataset loaded, long seed) {
            return DataSelection.apply(loaded, classes, imbalance, perClass, maxPerClass, seed);
        }

        @JsonIgnore
        public boolean isDemo() {
            return DEMO.equalsIgnoreCase(path) || format == DatasetFormat.DEMO;
        }

        /** The same with an absolute, normalised path, so a run can be repeated from any directory. */
        public DataSpec absolute() {
            if (isDemo() || path == null || path.isBlank()) return this;
            try {
                return new DataSpec(Path.of(path).toAbsolutePath().normalize().toString(), format, classes, imbalance,
                        perClass, imageSize, maxPerClass);
            } catch (InvalidPathException e) {
                return this; // reported by the reader, which names the path
            }
        }

        void validate() {
            if (path == null || path.isBlank()) fail("DATA: a data path (or 'demo') is required");
            if (classes < 0 || classes == 1) fail(DataSelection.classesMessage("the classes in DATA", classes));
            if (!(imbalance > 0 && imbalance <= 1)) fail("--imbalance must be in (0, 1], got " + imbalance);
            for (int n : perClass) if (n < 1) fail("--per-class counts must be at least 1, got " + n);
            if (!perClass.isEmpty() && imbalance < 1) fail("--imbalance and --per-class exclude each other (--per-class gives the counts itself)");
            if (imageSize < 0 || imageSize > 256) fail("--image-size must be 0 (native) or 1..256, got " + imageSize);
            if (maxPerClass < 0) fail("--max-per-class must be 0 (as loaded) or at least 1, got " + maxPerClass);
            if (maxPerClass > 0 && !perClass.isEmpty()) fail("--max-per-class and --per-class exclude each other (--per-class gives the counts itself)");
        }
    }

    /**
     * The remedies against class imbalance; each combines with the others (see {@link RemedyInfo}).
     *
     * @param sampler    re-weighted random sampling with replacement (weights from {@code weightMode})
     * @param weightMode the class weights of the sampler and of the weighted loss
     * @param beta       the effective-number weights' β (used when {@code weightMode} is EFFECTIVE_NUMBER)
     * @param augment    the four random transforms, each with its own probability
     * @param loss       the training loss: cross-entropy, class-weighted, or logit-adjusted
     * @param tau        the logit adjustment's τ (1 = balanced softmax); used by LOGIT_ADJUSTED
     * @param deferEpoch the sampler and the weighted loss start at this epoch (DRS/DRW); 0 = from the start
     * @param mixup      mixup's α; 0 = off
     */
    public record Remedies(boolean sampler, WeightMode weightMode, double beta, AugmentConfig augment,
                           LossKind loss, double tau, int deferEpoch, double mixup) {
        public static final double DEFAULT_TAU = 1.0;

        @JsonCreator
        public Remedies {
            if (weightMode == null) weightMode = WeightMode.INVERSE_FREQUENCY;
            if (augment == null) augment = AugmentConfig.none();
            if (loss == null) loss = LossKind.CROSS_ENTROPY;
        }

        /** The study's two remedies only; the newer ones off. */
        public Remedies(boolean sampler, WeightMode weightMode, double beta, AugmentConfig augment) {
            this(sampler, weightMode, beta, augment, LossKind.CROSS_ENTROPY, DEFAULT_TAU, 0, 0);
        }

        /** Every remedy off. */
        public static Remedies none() {
            return new Remedies(false, WeightMode.INVERSE_FREQUENCY, 0.999, AugmentConfig.none());
        }

        public boolean any() {
            return sampler || augment.anyEnabled() || loss != LossKind.CROSS_ENTROPY || mixup > 0;
        }

        /** The same with the remedies beyond the study's (loss, deferral, mixup) off. */
        public Remedies studyOnly() {
            return new Remedies(sampler, weightMode, beta, augment);
        }

        void validate() {
            if (!(beta > 0 && beta < 1)) fail("--beta must be in (0, 1), got " + beta);
            if (!(tau > 0 && tau <= 10)) fail("--tau must be in (0, 10], got " + tau);
            if (deferEpoch < 0) fail("--defer-epoch must be 0 (from the start) or an epoch number, got " + deferEpoch);
            if (deferEpoch > 1 && !sampler && loss != LossKind.WEIGHTED) {
                fail("--defer-epoch defers the sampler or the weighted loss: add --sampler or --loss weighted");
            }
            if (!(mixup >= 0 && mixup <= 100)) fail("--mixup must be an alpha in [0, 100] (0 = off), got " + mixup);
        }
    }

    /**
     * How the network is trained: the architecture, epochs, batch size, SGD with momentum, and the learning
     * rate's schedule per epoch (see {@link LearningRateSchedule}).
     *
     * @param model      one of {@link #MODELS}
     * @param warmup     epochs of linear warm-up (0 = none)
     * @param decay      NONE, STEP (× {@code decayGamma} every {@code decayEvery} epochs) or COSINE (to 0 over the run)
     */
    public record Recipe(String model, int epochs, int batch, double learningRate, double momentum,
                         int warmup, LrDecay decay, int decayEvery, double decayGamma) {
        public static final int DEFAULT_DECAY_EVERY = 10;
        public static final double DEFAULT_DECAY_GAMMA = 0.1;

        @JsonCreator
        public Recipe {
            if (decay == null) decay = LrDecay.NONE;
        }

        /** A constant learning rate (no warm-up, no decay). */
        public Recipe(String model, int epochs, int batch, double learningRate, double momentum) {
            this(model, epochs, batch, learningRate, momentum, 0, LrDecay.NONE, DEFAULT_DECAY_EVERY, DEFAULT_DECAY_GAMMA);
        }

        /** The study's recipe: its CNN, batch 32, 50 epochs, SGD lr 1e-4, momentum 0.9. */
        public static Recipe study() {
            return new Recipe("study", 50, 32, 1e-4, 0.9);
        }

        /** Something visible within a minute on a laptop CPU: 3 epochs with a larger step. */
        public static Recipe fastDemo() {
            return new Recipe("study", 3, 32, 0.01, 0.9);
        }

        /** A named preset ("study" or "recommended", see {@link RecipePresets}). */
        public static Recipe preset(String name) {
            return RecipePresets.recipe(name);
        }

        /** What the model layer needs of it. */
        public ModelSpec modelSpec(long seed) {
            return new ModelSpec(model, seed, learningRate, momentum);
        }

        /** The learning rate of each epoch. */
        public LearningRateSchedule schedule() {
            return new LearningRateSchedule(learningRate, epochs, warmup, decay, decayEvery, decayGamma);
        }

        void validate() {
            ModelSpec.checkArchitecture(model);
            if (epochs < 1 || epochs > 10_000) fail("--epochs must be in 1..10000, got " + epochs);
            if (batch < 1 || batch > 4096) fail("--batch must be in 1..4096, got " + batch);
            if (!(learningRate > 0 && learningRate < 10)) fail("--lr must be in (0, 10), got " + learningRate);
            if (!(momentum >= 0 && momentum < 1)) fail("--momentum must be in [0, 1), got " + momentum);
            if (warmup < 0 || warmup > epochs) fail("--warmup must be in 0..--epochs (" + epochs + "), got " + warmup);
            if (decayEvery < 1) fail("--decay-every must be at least 1 epoch, got " + decayEvery);
            if (!(decayGamma > 0 && decayGamma <= 1)) fail("--decay-gamma must be in (0, 1], got " + decayGamma);
        }
    }

    public ExperimentConfig {
        if (data == null) throw new IllegalArgumentException("data is required");
        if (remedies == null) remedies = Remedies.none();
        if (recipe == null) recipe = Recipe.study();
        if (label == null || label.isBlank()) label = "run";
    }

    /** The study's recipe (batch 32, 50 epochs, SGD lr 1e-4, momentum 0.9), baseline remedies off. */
    public static ExperimentConfig study(String data) {
        return new ExperimentConfig(new DataSpec(data, DatasetFormat.AUTO, 0, 1.0, List.of(), 0), Remedies.none(),
                Recipe.study(), 42, "baseline");
    }

    /** Something visible within a minute on a laptop CPU: the demo set, 3 epochs, a larger step. */
    public static ExperimentConfig fastDemo() {
        return new ExperimentConfig(new DataSpec(DEMO, DatasetFormat.DEMO, 0, 1.0, List.of(), 0), Remedies.none(),
                Recipe.fastDemo(), 42, "baseline");
    }

    /** The same config with the data path made absolute (see {@link DataSpec#absolute()}). */
    public ExperimentConfig withAbsoluteDataPath() {
        return new ExperimentConfig(data.absolute(), remedies, recipe, seed, label);
    }

    /** Same data, recipe and seed with every remedy off. */
    public ExperimentConfig asBaseline() {
        return toBuilder().sampler(false).augment(AugmentConfig.none()).loss(LossKind.CROSS_ENTROPY).deferEpoch(0).mixup(0)
                .label("baseline").build();
    }

    /**
     * Same data, recipe and seed with the study's remedies (sampler + four augmentations at p = 0.3) plus
     * this config's newer remedies (loss, deferral, mixup) on top.
     */
    public ExperimentConfig asImproved() {
        return toBuilder().sampler(true).augment(AugmentConfig.study()).label("improved").build();
    }

    /** "improved" when any remedy is on, else "baseline": the default run label. */
    public String remediesLabel() {
        return remedies.any() ? "improved" : "baseline";
    }

    @JsonIgnore
    public boolean isDemo() {
        return data.isDemo();
    }

    /** @throws CounterweightException naming the first bad option */
    public ExperimentConfig validate() {
        data.validate();
        remedies.validate();
        recipe.validate();
        if (remedies.deferEpoch() > recipe.epochs()) {
            fail("--defer-epoch must be at most --epochs (" + recipe.epochs() + "), got " + remedies.deferEpoch());
        }
        return this;
    }

    private static void fail(String message) {
        throw new CounterweightException(message);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable copy with one named setter per setting, for the CLI and the GUI view models. */
    public static final class Builder {
        private String path; private DatasetFormat format; private int classes; private double imbalance;
        private List<Integer> perClass; private int imageSize; private int maxPerClass;
        private boolean sampler; private WeightMode weightMode; private double beta; private AugmentConfig augment;
        private LossKind loss; private double tau; private int deferEpoch; private double mixup;
        private String model; private int epochs; private int batch; private double learningRate; private double momentum;
        private int warmup; private LrDecay decay; private int decayEvery; private double decayGamma;
        private long seed; private String label;

        private Builder(ExperimentConfig c) {
            data(c.data);
            remedies(c.remedies);
            recipe(c.recipe);
            seed = c.seed;
            label = c.label;
        }

        public Builder data(DataSpec d) {
            path = d.path(); format = d.format(); classes = d.classes(); imbalance = d.imbalance();
            perClass = d.perClass(); imageSize = d.imageSize(); maxPerClass = d.maxPerClass();
            return this;
        }

        public Builder remedies(Remedies r) {
            sampler = r.sampler(); weightMode = r.weightMode(); beta = r.beta(); augment = r.augment();
            loss = r.loss(); tau = r.tau(); deferEpoch = r.deferEpoch(); mixup = r.mixup();
            return this;
        }

        public Builder recipe(Recipe r) {
            model = r.model(); epochs = r.epochs(); batch = r.batch(); learningRate = r.learningRate(); momentum = r.momentum();
            warmup = r.warmup(); decay = r.decay(); decayEvery = r.decayEvery(); decayGamma = r.decayGamma();
            return this;
        }

        public Builder data(String v) { path = v; return this; }
        public Builder format(DatasetFormat v) { format = v; return this; }
        public Builder classes(int v) { classes = v; return this; }
        public Builder imbalance(double v) { imbalance = v; return this; }
        public Builder perClass(List<Integer> v) { perClass = v; return this; }
        public Builder imageSize(int v) { imageSize = v; return this; }
        public Builder maxPerClass(int v) { maxPerClass = v; return this; }
        public Builder sampler(boolean v) { sampler = v; return this; }
        public Builder weightMode(WeightMode v) { weightMode = v; return this; }
        public Builder beta(double v) { beta = v; return this; }
        public Builder augment(AugmentConfig v) { augment = v; return this; }
        public Builder loss(LossKind v) { loss = v; return this; }
        public Builder tau(double v) { tau = v; return this; }
        public Builder deferEpoch(int v) { deferEpoch = v; return this; }

        /**
         * Where a grid's deferred remedies (drw, drs) switch on: the last third of the epochs, at least epoch 2.
         * Cao et al. defer to epoch 160 of 200; with the few epochs a CPU grid affords, a third leaves the
         * re-balanced phase room to move the classifier.
         */
        public int lastThirdEpoch() { return Math.max(2, epochs - Math.max(1, epochs / 3) + 1); }
        public Builder mixup(double v) { mixup = v; return this; }
        public Builder model(String v) { model = v; return this; }
        public Builder epochs(int v) { epochs = v; return this; }
        public Builder batch(int v) { batch = v; return this; }
        public Builder learningRate(double v) { learningRate = v; return this; }
        public Builder momentum(double v) { momentum = v; return this; }
        public Builder warmup(int v) { warmup = v; return this; }
        public Builder decay(LrDecay v) { decay = v; return this; }
        public Builder decayEvery(int v) { decayEvery = v; return this; }
        public Builder decayGamma(double v) { decayGamma = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder label(String v) { label = v; return this; }

        public ExperimentConfig build() {
            return new ExperimentConfig(new DataSpec(path, format, classes, imbalance, perClass, imageSize, maxPerClass),
                    new Remedies(sampler, weightMode, beta, augment, loss, tau, deferEpoch, mixup),
                    new Recipe(model, epochs, batch, learningRate, momentum, warmup, decay, decayEvery, decayGamma),
                    seed, label);
        }
    }
}
