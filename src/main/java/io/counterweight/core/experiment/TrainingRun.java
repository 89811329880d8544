package io.counterweight.core.experiment;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.model.ModelFactory;
import io.counterweight.core.train.BatchTransform;
import io.counterweight.core.train.EpochOrder;
import io.counterweight.core.train.SpeedSettings;
import io.counterweight.core.train.Trainer;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingEvent;
import io.counterweight.core.train.TrainingListener;
import io.counterweight.core.train.TrainingTuning;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * One recorded training run on data already loaded and selected: builds the model, opens the run
 * folder, trains, and writes each epoch (metrics, confusion matrix, model) before the caller's listener
 * hears of it, so the folder is complete up to the last reported epoch whatever happens next. The
 * sampler and augmentation come in as seams ({@link EpochOrder}, {@link BatchTransform}); the
 * {@link ExperimentRunner} supplies the real ones from the config.
 */
public final class TrainingRun {
    private TrainingRun() { }

    public static RunResult execute(Dataset data, ExperimentConfig cfg, Path outDir, String fingerprint,
                                    EpochOrder order, BatchTransform transform,
                                    TrainingListener listener, TrainingControl control) {
        return execute(data, cfg, outDir, fingerprint, order, transform, listener, control, TrainingTuning.defaults());
    }

    /** As above with other speed settings. */
    public static RunResult execute(Dataset data, ExperimentConfig cfg, Path outDir, String fingerprint,
                                    EpochOrder order, BatchTransform transform,
                                    TrainingListener listener, TrainingControl control, TrainingTuning tuning) {
        cfg.validate();
        if (data.train().size() == 0) throw new CounterweightException(data.name() + ": the training split is empty");
        if (data.test().size() == 0) throw new CounterweightException(data.name() + ": the test split is empty: nothing to evaluate on");
        MultiLayerNetwork net = ModelFactory.build(cfg.recipe().modelSpec(cfg.seed()), data.shape(), data.numClasses(), tuning.model());
        return execute(net, data, cfg, outDir, fingerprint, order, transform, listener, control, tuning, null);
    }

    /** As above with a network built by the caller (tests; a network restored from a model.zip). */
    public static RunResult execute(MultiLayerNetwork net, Dataset data, ExperimentConfig cfg, Path outDir,
                                    String fingerprint, EpochOrder order, BatchTransform transform,
                                    TrainingListener listener, TrainingControl control, TrainingTuning tuning) {
        return execute(net, data, cfg, outDir, fingerprint, order, transform, listener, control, tuning, null);
    }

    /** As above, recording that the run repeats the run in {@code repeatOf} (null: it repeats none). */
    public static RunResult execute(MultiLayerNetwork net, Dataset data, ExperimentConfig config, Path outDir,
                                    String fingerprint, EpochOrder order, BatchTransform transform,
                                    TrainingListener listener, TrainingControl control, TrainingTuning tuning,
                                    Path repeatOf) {
        ExperimentConfig cfg = config.withAbsoluteDataPath(); // repeatable from any directory
        RunStore store = RunStore.create(outDir, cfg, data.classNames(), Provenance.now());
        // held while the run trains, so the history can tell a running run from one whose process died
        try (RunLock lock = RunLock.acquire(store.dir())) {
            SpeedSettings speed = SpeedSettings.of(net, data.shape(), cfg.recipe().batch(), tuning);
            Provenance provenance = Provenance.start(data, fingerprint, cfg.seed(), speed, Provenance.now(),
                    repeatOf == null ? null : repeatOf.toAbsolutePath().normalize().toString());
            store.writeProvenance(provenance);
            return record(net, data, cfg, store, provenance, order, transform, listener, control, tuning, 1);
        }
    }

    /**
     * Continues the run in {@code runDir} after its checkpoint ({@code net}, restored from model.zip after
     * epoch {@code epochsDone}) in the same folder; the caller checked that data and config are the run's.
     */
    public static RunResult resume(Path runDir, MultiLayerNetwork net, int epochsDone, Dataset data, ExperimentConfig cfg,
                                   EpochOrder order, BatchTransform transform, TrainingListener listener,
                                   TrainingControl control, TrainingTuning tuning) {
        try (RunLock lock = RunLock.acquire(runDir)) {
            RunStore store = RunStore.reopen(runDir, data.classNames(), epochsDone);
            Provenance before = RunStore.readProvenance(runDir);
            Provenance provenance = new Provenance(before.seed(), before.data(), before.software(), before.machine(),
                    SpeedSettings.of(net, data.shape(), cfg.recipe().batch(), tuning), before.startTime(), null,
                    Provenance.RUNNING, before.repeatOf());
            store.writeProvenance(provenance);
            return record(net, data, cfg, store, provenance, order, transform, listener, control, tuning, epochsDone + 1);
        }
    }

    /** Trains from {@code firstEpoch} and writes each epoch (metrics, confusion, checkpoint) before the listener hears of it. */
    private static RunResult record(MultiLayerNetwork net, Dataset data, ExperimentConfig cfg, RunStore store,
                                    Provenance provenance, EpochOrder order, BatchTransform transform,
                                    TrainingListener listener, TrainingControl control, TrainingTuning tuning,
                                    int firstEpoch) {
        RunResult[] result = new RunResult[1];
        TrainingEvent.EpochDone[] last = new TrainingEvent.EpochDone[1];
        TrainingListener recording = e -> {
            if (e instanceof TrainingEvent.EpochDone done) {
                store.recordEpoch(done);
                store.writeModel(net, done.epoch());
                last[0] = done;
            } else if (e instanceof TrainingEvent.Finished f) {
                // result.json and the final status exist before anyone hears the run is over
                result[0] = resultOf(store, cfg, f.cancelled(), last[0]);
                store.writeResult(result[0]);
                store.writeProvenance(provenance.finished(Provenance.now(), f.cancelled() ? "cancelled" : "completed"));
            }
            listener.onEvent(e);
        };
        if (firstEpoch > cfg.recipe().epochs()) { // killed after its last epoch was saved: only the ending is missing
            recording.onEvent(new TrainingEvent.Finished(false, store.history().size()));
            return result[0];
        }
        Trainer trainer = new Trainer(net, data.train(), data.test(), data.classNames(),
                new Trainer.Options(cfg.label(), cfg.recipe().epochs(), cfg.recipe().batch(), cfg.seed(),
                        tuning.pipelineThreads(), tuning.prefetch(), tuning.computeThreads()),
                order, transform, RemedySeams.mix(cfg), RemedySeams.schedule(data, cfg));
        try {
            trainer.runFrom(firstEpoch, recording, control);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            String status = "failed: " + message;
            store.writeFailure(resultOf(store, cfg, true, last[0]), RunStatus.of(status, false), message);
            store.writeProvenance(provenance.finished(Provenance.now(), status));
            throw e;
        }
        return result[0];
    }

    /**
     * The result of the epochs in the store. A resumed run's last report is recomputed from the folder
     * when this process trained no epoch of it.
     */
    private static RunResult resultOf(RunStore store, ExperimentConfig cfg, boolean cancelled, TrainingEvent.EpochDone last) {
        if (last == null && !store.history().isEmpty()) {
            RunResult fromFolder = RunStore.open(store.dir());
            return RunResult.of(store.dir(), cfg, cancelled, fromFolder.report(), fromFolder.confusion(), store.history());
        }
        return RunResult.of(store.dir(), cfg, cancelled, last == null ? null : last.report(),
                last == null ? null : last.confusion(), store.history());
    }
}
