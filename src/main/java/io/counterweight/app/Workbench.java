package io.counterweight.app;

import io.counterweight.core.CounterweightException;
import io.counterweight.app.services.Services;
import io.counterweight.core.augment.AugmentConfig;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.data.DatasetFormat;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.sampling.WeightMode;
import io.counterweight.core.train.LossKind;
import io.counterweight.core.train.LrDecay;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The state all screens share, as FX properties: the loaded data set, the long-tail selection (or exact
 * counts per class), the remedies and the recipe with its learning-rate schedule. Together they make the {@link ExperimentConfig} a run starts from.
 * The selected (long-tailed) data set and its class weights are derived here, through the core
 * services, whenever an input changes, so every screen sees the same numbers before any training.
 * Touched on the FX thread only.
 */
public final class Workbench {
    private final Services services;
    private boolean replacing; // set while setLoaded resets inputs, so the selection is computed once

    private final ObjectProperty<Dataset> loaded = new SimpleObjectProperty<>(this, "loaded");
    private final StringProperty source = new SimpleStringProperty(this, "source", ExperimentConfig.DEMO);
    private final ObjectProperty<DatasetFormat> format = new SimpleObjectProperty<>(this, "format", DatasetFormat.DEMO);
    private final IntegerProperty classes = new SimpleIntegerProperty(this, "classes", 0);
    private final DoubleProperty imbalance = new SimpleDoubleProperty(this, "imbalance", 1.0);
    private final IntegerProperty seed = new SimpleIntegerProperty(this, "seed", 42);
    /** Exact training images per class (empty = as loaded); excludes an imbalance below 1 and a maxPerClass. */
    private final ObjectProperty<List<Integer>> perClass = new SimpleObjectProperty<>(this, "perClass", List.of());
    /** n_max: no class keeps more training images (0 = the largest class as loaded). */
    private final IntegerProperty maxPerClass = new SimpleIntegerProperty(this, "maxPerClass", 0);
    private final ReadOnlyObjectWrapper<Dataset> selected = new ReadOnlyObjectWrapper<>(this, "selected");

    private final BooleanProperty sampler = new SimpleBooleanProperty(this, "sampler", false);
    private final ObjectProperty<WeightMode> weightMode = new SimpleObjectProperty<>(this, "weightMode", WeightMode.INVERSE_FREQUENCY);
    private final DoubleProperty beta = new SimpleDoubleProperty(this, "beta", 0.999);
    private final ReadOnlyObjectWrapper<double[]> classWeights = new ReadOnlyObjectWrapper<>(this, "classWeights", new double[0]);
    private final ObjectProperty<AugmentConfig> augment = new SimpleObjectProperty<>(this, "augment", AugmentConfig.none());
    private final ObjectProperty<LossKind> loss = new SimpleObjectProperty<>(this, "loss", LossKind.CROSS_ENTROPY);
    private final DoubleProperty tau = new SimpleDoubleProperty(this, "tau", ExperimentConfig.Remedies.DEFAULT_TAU);
    private final IntegerProperty deferEpoch = new SimpleIntegerProperty(this, "deferEpoch", 0);
    private final DoubleProperty mixup = new SimpleDoubleProperty(this, "mixup", 0);

    private final StringProperty model = new SimpleStringProperty(this, "model", "study");
    private final IntegerProperty epochs = new SimpleIntegerProperty(this, "epochs", 3);
    private final IntegerProperty batch = new SimpleIntegerProperty(this, "batch", 32);
    private final DoubleProperty learningRate = new SimpleDoubleProperty(this, "learningRate", 0.01);
    private final DoubleProperty momentum = new SimpleDoubleProperty(this, "momentum", 0.9);
    private final IntegerProperty warmup = new SimpleIntegerProperty(this, "warmup", 0);
    private final ObjectProperty<LrDecay> decay = new SimpleObjectProperty<>(this, "decay", LrDecay.NONE);
    private final IntegerProperty decayEvery = new SimpleIntegerProperty(this, "decayEvery", ExperimentConfig.Recipe.DEFAULT_DECAY_EVERY);
    private final DoubleProperty decayGamma = new SimpleDoubleProperty(this, "decayGamma", ExperimentConfig.Recipe.DEFAULT_DECAY_GAMMA);

    /** Draws per class the sampler actually made in the last trained epoch (empty before training). */
    private final ObjectProperty<int[]> actualDraws = new SimpleObjectProperty<>(this, "actualDraws", new int[0]);
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);

    public Workbench(Services services) {
        this.services = services;
        // One class is no classification problem (the core rejects it): a spinner steps over it.
        classes.addListener((o, a, b) -> {
            if (b.intValue() == 1) classes.set(a.intValue() == 0 ? 2 : 0);
            else if (!perClass.get().isEmpty()) perClass.set(List.of()); // the counts were for the old classes
        });
        Observable[] selectionInputs = {loaded, classes, imbalance, seed, perClass, maxPerClass};
        for (Observable o : selectionInputs) o.addListener(x -> reselect());
        selected.addListener(x -> reweigh());
        weightMode.addListener(x -> reweigh());
        beta.addListener(x -> reweigh());
    }

    public Services services() { return services; }

    /** Sets a newly loaded data set; classes go back to "all" and the imbalance to 1. */
    public void setLoaded(Dataset dataset, String sourceText) {
        replacing = true;
        try {
            actualDraws.set(new int[0]);
            classes.set(0);
            imbalance.set(1.0);
            perClass.set(List.of());
            maxPerClass.set(0);
            source.set(sourceText);
            format.set(dataset.format());
            loaded.set(dataset);
        } finally {
            replacing = false;
        }
        reselect();
    }

    private void reselect() {
        if (replacing || classes.get() == 1) return; // 1 is being stepped over, see the constructor
        Dataset d = loaded.get();
        if (d == null) {
            selected.set(null);
            return;
        }
        int k = classes.get() >= d.numClasses() ? 0 : classes.get();
        try {
            selected.set(services.data().select(d, k, imbalance.get(), perClass.get(), maxPerClass.get(), seed.get()));
        } catch (CounterweightException e) {
            // The Data screen validates counts before setting them; should they still not fit, drop them
            // (which reselects) rather than leave a selection that disagrees with the inputs.
            if (perClass.get().isEmpty() && maxPerClass.get() == 0) throw e;
            perClass.set(List.of());
            maxPerClass.set(0);
        }
    }

    private void reweigh() {
        Dataset d = selected.get();
        classWeights.set(d == null ? new double[0]
                : services.sampling().classWeights(d.trainCounts(), weightMode.get(), beta.get()));
    }

    /** The experiment the current settings describe (validated by the caller when it runs). */
    public ExperimentConfig config(String label) {
        Dataset d = loaded.get();
        ExperimentConfig base = ExperimentConfig.fastDemo();
        return base.toBuilder()
                .data(source.get()).format(d == null ? format.get() : d.format())
                .classes(classes.get()).imbalance(imbalance.get()).perClass(perClass.get()).maxPerClass(maxPerClass.get())
                .seed(seed.get())
                .sampler(sampler.get()).weightMode(weightMode.get()).beta(beta.get()).augment(augment.get())
                .loss(loss.get()).tau(tau.get()).deferEpoch(deferEpoch.get()).mixup(mixup.get())
                .model(model.get()).epochs(epochs.get()).batch(batch.get())
                .learningRate(learningRate.get()).momentum(momentum.get())
                .warmup(warmup.get()).decay(decay.get()).decayEvery(decayEvery.get()).decayGamma(decayGamma.get())
                .label(label)
                .build();
    }

    /**
     * The validated config a run starts from, labelled by its remedies ("baseline" / "improved").
     *
     * @throws CounterweightException when no data set is loaded or a setting is out of range
     */
    public ExperimentConfig runnableConfig() {
        if (selected() == null) throw new CounterweightException("No data set loaded: open one on the Data tab first");
        ExperimentConfig c = config("run");
        return c.toBuilder().label(c.remediesLabel()).build().validate();
    }

    /** Takes every field of a preset's recipe (model, epochs, batch, lr, momentum, schedule); data and remedies stay. */
    public void applyRecipe(ExperimentConfig.Recipe r) {
        model.set(r.model());
        epochs.set(r.epochs());
        batch.set(r.batch());
        learningRate.set(r.learningRate());
        momentum.set(r.momentum());
        warmup.set(r.warmup());
        decay.set(r.decay());
        decayEvery.set(r.decayEvery());
        decayGamma.set(r.decayGamma());
    }

    public ReadOnlyObjectProperty<Dataset> loadedProperty() { return loaded; }
    public StringProperty sourceProperty() { return source; }
    public ObjectProperty<DatasetFormat> formatProperty() { return format; }
    public IntegerProperty classesProperty() { return classes; }
    public DoubleProperty imbalanceProperty() { return imbalance; }
    public IntegerProperty seedProperty() { return seed; }
    public ObjectProperty<List<Integer>> perClassProperty() { return perClass; }
    public IntegerProperty maxPerClassProperty() { return maxPerClass; }
    public ReadOnlyObjectProperty<Dataset> selectedProperty() { return selected.getReadOnlyProperty(); }
    public BooleanProperty samplerProperty() { return sampler; }
    public ObjectProperty<WeightMode> weightModeProperty() { return weightMode; }
    public DoubleProperty betaProperty() { return beta; }
    public ReadOnlyObjectProperty<double[]> classWeightsProperty() { return classWeights.getReadOnlyProperty(); }
    public ObjectProperty<AugmentConfig> augmentProperty() { return augment; }
    public ObjectProperty<LossKind> lossProperty() { return loss; }
    public DoubleProperty tauProperty() { return tau; }
    public IntegerProperty deferEpochProperty() { return deferEpoch; }
    public DoubleProperty mixupProperty() { return mixup; }
    public StringProperty modelProperty() { return model; }
    public IntegerProperty epochsProperty() { return epochs; }
    public IntegerProperty batchProperty() { return batch; }
    public DoubleProperty learningRateProperty() { return learningRate; }
    public DoubleProperty momentumProperty() { return momentum; }
    public IntegerProperty warmupProperty() { return warmup; }
    public ObjectProperty<LrDecay> decayProperty() { return decay; }
    public IntegerProperty decayEveryProperty() { return decayEvery; }
    public DoubleProperty decayGammaProperty() { return decayGamma; }
    public ObjectProperty<int[]> actualDrawsProperty() { return actualDraws; }
    /** True while a training or comparison runs: data and remedies are then read-only. */
    public BooleanProperty busyProperty() { return busy; }

    public Dataset loaded() { return loaded.get(); }
    public Dataset selected() { return selected.get(); }
}
