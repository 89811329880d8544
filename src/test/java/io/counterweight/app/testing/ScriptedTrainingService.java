package io.counterweight.app.testing;

import io.counterweight.app.services.TrainingService;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.experiment.Comparison;
import io.counterweight.core.experiment.EpochMetrics;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.metrics.ClassificationReport;
import io.counterweight.core.metrics.ConfusionMatrix;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingEvent;
import io.counterweight.core.train.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A trainer stand-in for view-model tests: emits a fixed, known sequence of events (loss 1/iteration,
 * a confusion matrix with {@code epoch} extra correct answers per class) and honours stop requests
 * between batches, like the real trainer. Records the configs it was asked to run.
 */
public final class ScriptedTrainingService implements TrainingService {
    public final List<ExperimentConfig> configs = new ArrayList<>();
    public int batchesPerEpoch = 4;
    /** Called before each batch, e.g. to stop or pause from "the UI" mid-run. */
    public java.util.function.IntConsumer beforeBatch = i -> { };
    /** Extra correct answers per class a config's matrices get, so that two runs of a comparison differ. */
    public java.util.function.ToIntFunction<ExperimentConfig> extraCorrect = c -> 0;

    /** Warm-ups asked for (the window's JIT warm-up): counted and their controls kept, nothing trained. */
    public final List<TrainingControl> warmUps = new ArrayList<>();

    @Override
    public void warmUp(Dataset data, ExperimentConfig cfg, TrainingControl control) {
        warmUps.add(control);
    }

    @Override
    public RunResult train(Dataset data, ExperimentConfig cfg, TrainingListener listener, TrainingControl control) {
        configs.add(cfg);
        int k = data.numClasses();
        listener.onEvent(new TrainingEvent.Started(cfg.label(), "scripted", "test CPU", cfg.recipe().epochs(), batchesPerEpoch,
                data.train().size(), data.test().size(), data.classNames()));
        long iteration = 0;
        ConfusionMatrix cm = null;
        List<EpochMetrics> history = new ArrayList<>();
        for (int e = 1; e <= cfg.recipe().epochs(); e++) {
            for (int b = 1; b <= batchesPerEpoch; b++) {
                beforeBatch.accept((int) iteration);
                if (control.isCancelled()) return finish(listener, cfg, data, cm, history, true);
                iteration++;
                listener.onEvent(new TrainingEvent.BatchDone(e, b, batchesPerEpoch, iteration, 1.0 / iteration, 100, 1));
            }
            cm = matrix(k, e + extraCorrect.applyAsInt(cfg));
            int[] draws = data.trainCounts();
            var done = new TrainingEvent.EpochDone(e, cfg.recipe().epochs(), 1.0 / e, 2.0 / e,
                    ClassificationReport.of(cm, data.classNames(), data.trainCounts()), cm, draws, 100, 1);
            listener.onEvent(done);
            history.add(EpochMetrics.of(done));
        }
        return finish(listener, cfg, data, cm, history, false);
    }

    private static RunResult finish(TrainingListener l, ExperimentConfig cfg, Dataset data, ConfusionMatrix cm,
                                    List<EpochMetrics> history, boolean cancelled) {
        l.onEvent(new TrainingEvent.Finished(cancelled, history.size()));
        return RunResult.of(null, cfg, cancelled,
                cm == null ? null : ClassificationReport.of(cm, data.classNames(), data.trainCounts()), cm, history);
    }

    /** Class c: {@code epoch} correct, 1 confused with the next class. */
    public static ConfusionMatrix matrix(int k, int epoch) {
        long[][] m = new long[k][k];
        for (int c = 0; c < k; c++) {
            m[c][c] = epoch;
            m[c][(c + 1) % k] += 1;
        }
        return ConfusionMatrix.of(m);
    }

    @Override
    public RunResult open(Path runFolder) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Comparison.Row> compare(RunResult baseline, RunResult improved) {
        return Comparison.of(baseline, improved).rows(); // the real table: the screens must show the core's
    }

    @Override
    public String backendSummary() {
        return "scripted · test CPU";
    }
}
