package io.counterweight.core.experiment;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.Progress;
import io.counterweight.core.augment.AugmentConfig;
import io.counterweight.core.augment.Augmenter;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.data.DatasetFingerprint;
import io.counterweight.core.data.DatasetLoader;
import io.counterweight.core.sampling.ClassWeights;
import io.counterweight.core.sampling.WeightedRandomSampler;
import io.counterweight.core.train.BatchTransform;
import io.counterweight.core.train.EpochOrder;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingListener;
import io.counterweight.core.train.TrainingTuning;
import io.counterweight.core.model.ModelFactory;
import io.counterweight.core.train.BackendInfo;
import io.counterweight.core.train.SpeedSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Runs experiments end to end: validate the config, load the data, apply the class/long-tail selection,
 * switch on the remedies the config asks for (re-weighted sampler with replacement, the four random
 * augmentations) and train, recording a run folder under {@code outDir}. Runs on the calling thread.
 */
public final class ExperimentRunner {
    private ExperimentRunner() { }

    /** Load + select + train one run. */
    public static RunResult run(ExperimentConfig cfg, Path outDir, TrainingListener listener, TrainingControl control,
                                Progress loadProgress) {
        cfg.validate();
        return train(load(cfg, loadProgress), cfg, outDir, listener, control);
    }

    /** The data of {@code cfg} as it is trained on: loaded, then class/long-tail/per-class selected. */
    public static Dataset load(ExperimentConfig cfg, Progress progress) {
        ExperimentConfig.DataSpec d = cfg.data();
        Dataset loaded = DatasetLoader.load(d.path(), d.format(), d.imageSize(), cfg.seed(), progress);
        return d.select(loaded, cfg.seed());
    }

    /** Trains on data already selected (the GUI loads once and trains many times). */
    public static RunResult train(Dataset selected, ExperimentConfig cfg, Path outDir, TrainingListener listener,
                                  TrainingControl control) {
        return train(selected, cfg, outDir, listener, control, TrainingTuning.defaults());
    }

    /** As {@link #train(Dataset, ExperimentConfig, Path, TrainingListener, TrainingControl)} with other speed settings. */
    public static RunResult train(Dataset selected, ExperimentConfig cfg, Path outDir, TrainingListener listener,
                                  TrainingControl control, TrainingTuning tuning) {
        return train(selected, DatasetFingerprint.of(selected), cfg, outDir, listener, control, tuning);
    }

    /**
     * The study's comparison: the baseline (no sampler, no augmentation) then the improved run (sampler +
     * the four augmentations at p = 0.3) on the same loaded data with the same seed and recipe. If the
     * user cancels during the baseline, the improved run ends at once, cancelled, with no epochs.
     */
    public static Comparison compare(ExperimentConfig cfg, Path outDir, TrainingListener listener, TrainingControl control,
                                     Progress loadProgress) {
        cfg.validate();
        Dataset selected = load(cfg, loadProgress);
        String fingerprint = DatasetFingerprint.of(selected);
        RunResult baseline = train(selected, fingerprint, cfg.asBaseline(), outDir, listener, control, TrainingTuning.defaults());
        RunResult improved = train(selected, fingerprint, cfg.asImproved(), outDir, listener, control, TrainingTuning.defaults());
        return Comparison.of(baseline, improved);
    }

    /**
     * Repeats the run in {@code runDir} with {@code cfg} (its config, with any overrides): loads the data,
     * tells {@code notes} before training what will make the numbers differ from the original
     * ({@link RepeatCheck}), then trains a new run that records which run it repeats.
     */
    public static RunResult repeat(Path runDir, ExperimentConfig cfg, Path outDir, TrainingListener listener,
                                   TrainingControl control, Progress loadProgress, TrainingTuning tuning,
                                   Consumer<List<String>> notes) {
        cfg.validate();
        ExperimentConfig original = ConfigJson.readConfig(runDir.resolve(RunStore.CONFIG));
        Provenance originalProvenance = RunStore.readProvenance(runDir);
        Dataset selected = load(cfg, loadProgress);
        String fingerprint = DatasetFingerprint.of(selected);
        MultiLayerNetwork net = ModelFactory.build(cfg.recipe().modelSpec(cfg.seed()), selected.shape(), selected.numClasses(),
                tuning.model());
        SpeedSettings speed = SpeedSettings.of(net, selected.shape(), cfg.recipe().batch(), tuning);
        notes.accept(RepeatCheck.differences(original, originalProvenance, cfg, fingerprint, speed, BackendInfo.current()));
        return TrainingRun.execute(net, selected, cfg, outDir, fingerprint, epochOrder(selected, cfg), transform(selected, cfg),
                listener, control, tuning, runDir);
    }

    /**
     * Continues an interrupted or stopped run in its own folder from its last checkpoint (model.zip with
     * its updater state, saved after every epoch). Each epoch's order and augmentation depend only on
     * (seed, epoch), so the run ends with the metrics an uninterrupted run would have had on this machine;
     * {@code notes} hears before training what could make them differ (other speed settings, backend).
     *
     * @throws CounterweightException when the run cannot be continued: training now, finished, diverged,
     *                                or its data set changed since
     */
    public static RunResult resume(Path runDir, TrainingListener listener, TrainingControl control, Progress loadProgress,
                                   TrainingTuning tuning, Consumer<List<String>> notes) {
        RunSummary summary = RunCatalog.summarise(runDir);
        switch (summary.status()) {
            case RUNNING -> throw new CounterweightException(runDir + ": the run is training now");
            case FINISHED -> throw new CounterweightException(runDir + ": the run finished all its epochs; "
                    + "'train --from' repeats it, with more --epochs if you like");
            case DIVERGED -> throw new CounterweightException(runDir + ": the run diverged; resuming would diverge again: "
                    + "repeat it with a lower learning rate ('train --from RUN_DIR --lr ...')");
            default -> { } // interrupted, stopped, failed (e.g. a full disk): continue
        }
        ExperimentConfig cfg = ConfigJson.readConfig(runDir.resolve(RunStore.CONFIG));
        Provenance before = RunStore.readProvenance(runDir);
        Dataset selected = load(cfg, loadProgress);
        String fingerprint = DatasetFingerprint.of(selected);
        if (before.data() != null && before.data().fingerprint() != null && !before.data().fingerprint().equals(fingerprint)) {
            throw new CounterweightException(runDir + ": the data set changed since the run (fingerprint "
                    + before.data().fingerprint() + " then, " + fingerprint + " now); a resumed run must train on the same"
                    + " data: repeat it with 'train --from' instead");
        }
        int epochsDone = RunStore.checkpointEpoch(runDir);
        MultiLayerNetwork net = epochsDone > 0 ? SavedCheckpoint.restore(runDir)
                : ModelFactory.build(cfg.recipe().modelSpec(cfg.seed()), selected.shape(), selected.numClasses(), tuning.model());
        SpeedSettings speed = SpeedSettings.of(net, selected.shape(), cfg.recipe().batch(), tuning);
        notes.accept(RepeatCheck.differences(cfg, before, cfg, fingerprint, speed, BackendInfo.current()));
        return TrainingRun.resume(runDir, net, epochsDone, selected, cfg, epochOrder(selected, cfg), transform(selected, cfg),
                listener, control, tuning);
    }

    private static RunResult train(Dataset selected, String fingerprint, ExperimentConfig cfg, Path outDir,
                                   TrainingListener listener, TrainingControl control, TrainingTuning tuning) {
        return TrainingRun.execute(selected, cfg, outDir, fingerprint, epochOrder(selected, cfg),
                transform(selected, cfg), listener, control, tuning);
    }

    /**
     * Re-weighted sampling with replacement (N = training-set size) when asked, else a plain shuffle; with
     * {@code deferEpoch} the shuffle until that epoch, then the sampler (deferred re-sampling).
     */
    static EpochOrder epochOrder(Dataset selected, ExperimentConfig cfg) {
        int n = selected.train().size();
        ExperimentConfig.Remedies r = cfg.remedies();
        if (!r.sampler()) return EpochOrder.shuffled(n);
        double[] weights = ClassWeights.compute(selected.trainCounts(), r.weightMode(), r.beta());
        EpochOrder sampler = new WeightedRandomSampler(selected.train().labels(), weights, n)::sample;
        return r.deferEpoch() > 1 ? EpochOrder.deferred(EpochOrder.shuffled(n), sampler, r.deferEpoch()) : sampler;
    }

    static BatchTransform transform(Dataset selected, ExperimentConfig cfg) {
        AugmentConfig augment = cfg.remedies().augment();
        if (!augment.anyEnabled()) return BatchTransform.IDENTITY;
        return new Augmenter(augment, selected.shape())::apply;
    }
}
