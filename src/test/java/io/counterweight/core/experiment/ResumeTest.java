package io.counterweight.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.Progress;
import io.counterweight.core.augment.AugmentConfig;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.train.GeneratedImages;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingEvent;
import io.counterweight.core.train.TrainingListener;
import io.counterweight.core.train.TrainingTuning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import io.counterweight.core.train.LossKind;
import io.counterweight.core.train.LrDecay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** A run cut short (killed, stopped) and resumed in its folder ends exactly as an uninterrupted one. */
class ResumeTest {
    private static final TrainingTuning TUNING = TrainingTuning.defaults();

    @TempDir Path tmp;

    private Path imageFolder() throws IOException {
        return ImageFolderFixture.write(tmp);
    }

    /** Sampler and all four augmentations on, so the random streams of later epochs matter. */
    private static ExperimentConfig config(Path data) {
        return ExperimentConfig.study(data.toString()).toBuilder().model("mlp").epochs(3).batch(8).learningRate(0.01)
                .sampler(true).augment(AugmentConfig.study()).label("improved").build();
    }

    private RunResult train(ExperimentConfig cfg, Path runs, TrainingListener listener, TrainingControl control) {
        Dataset data = ExperimentRunner.load(cfg, Progress.NONE);
        return ExperimentRunner.train(data, cfg, runs, listener, control, TUNING);
    }

    private static List<Double> numbers(List<EpochMetrics> history) {
        List<Double> out = new ArrayList<>();
        for (EpochMetrics m : history) out.addAll(List.of(m.trainLoss(), m.testLoss(), m.accuracy(), m.macroF1()));
        return out;
    }

    /** As a kill -9 leaves a folder: provenance still says running, no result.json. */
    private static void asIfKilled(Path dir) throws IOException {
        Provenance p = RunStore.readProvenance(dir);
        ConfigJson.write(dir.resolve(RunStore.PROVENANCE), new Provenance(p.seed(), p.data(), p.software(), p.machine(),
                p.speed(), p.startTime(), null, Provenance.RUNNING, p.repeatOf()));
        Files.delete(dir.resolve(RunStore.RESULT));
    }

    @Test
    void aKilledRunResumedFromItsCheckpointEndsWithTheUninterruptedRunsMetrics() throws IOException {
        Path data = imageFolder();
        killAndResume(config(data));
    }

    /** Every newer remedy on: its random draws (mixup), loss switch and learning rate must not depend on where the run started. */
    @ParameterizedTest
    @ValueSource(strings = {"weighted", "logit-adjusted"})
    void aKilledRunWithTheNewerRemediesResumesExactly(String loss) throws IOException {
        Path data = imageFolder();
        ExperimentConfig.Builder b = config(data).toBuilder().mixup(0.4).warmup(1);
        ExperimentConfig cfg = loss.equals("weighted")
                ? b.loss(LossKind.WEIGHTED).deferEpoch(2).decay(LrDecay.COSINE).build() // DRW + DRS from epoch 2
                : b.loss(LossKind.LOGIT_ADJUSTED).tau(1.0).decay(LrDecay.STEP).decayEvery(2).decayGamma(0.5).build();
        killAndResume(cfg.validate());
    }

    private void killAndResume(ExperimentConfig cfg) throws IOException {
        RunResult whole = train(cfg, tmp.resolve("a"), TrainingListener.NONE, new TrainingControl());
        assertEquals(3, whole.epochsDone());

        // killed after writing epoch 2's metrics but before its checkpoint: the model is one epoch behind
        TrainingControl control = new TrainingControl();
        Path saved = tmp.resolve("model-after-epoch-1.zip");
        Path[] dir = new Path[1];
        RunResult cut = train(cfg, tmp.resolve("b"), e -> {
            if (e instanceof TrainingEvent.EpochDone d && d.epoch() == 1) copy(RunStore.list(tmp.resolve("b")).get(0), saved);
            if (e instanceof TrainingEvent.EpochDone d && d.epoch() == 2) control.cancel();
        }, control);
        dir[0] = cut.runDir();
        Files.copy(saved, dir[0].resolve(RunStore.MODEL), StandardCopyOption.REPLACE_EXISTING);
        asIfKilled(dir[0]);
        assertEquals(RunStatus.INTERRUPTED, RunCatalog.summarise(dir[0]).status());
        assertEquals(1, RunStore.checkpointEpoch(dir[0]));

        List<Integer> resumedEpochs = new ArrayList<>();
        List<List<String>> notes = new ArrayList<>();
        RunResult resumed = ExperimentRunner.resume(dir[0], e -> {
            if (e instanceof TrainingEvent.EpochDone d) resumedEpochs.add(d.epoch());
        }, new TrainingControl(), Progress.NONE, TUNING, notes::add);

        assertEquals(List.of(List.of()), notes, "same machine, same settings: nothing to warn of");
        assertEquals(List.of(2, 3), resumedEpochs, "epoch 2 is trained again from the epoch-1 checkpoint");
        assertEquals(dir[0], resumed.runDir(), "the same folder");
        assertEquals(numbers(whole.history()), numbers(resumed.history()));
        assertEquals(whole.confusion(), resumed.confusion());
        assertEquals(numbers(whole.history()), numbers(MetricsCsv.read(dir[0].resolve(RunStore.METRICS))));
        assertEquals(RunStatus.FINISHED, RunCatalog.summarise(dir[0]).status());
        assertEquals(3, RunStore.checkpointEpoch(dir[0]));
    }

    @Test
    void aStoppedRunContinuesAndFinishedOrDivergedOrChangedOnesAreRefused() throws IOException {
        Path data = imageFolder();
        TrainingControl control = new TrainingControl();
        RunResult stopped = train(config(data), tmp.resolve("c"), e -> {
            if (e instanceof TrainingEvent.EpochDone d && d.epoch() == 1) control.cancel();
        }, control);
        assertEquals(RunStatus.STOPPED, RunCatalog.summarise(stopped.runDir()).status());
        RunResult done = ExperimentRunner.resume(stopped.runDir(), TrainingListener.NONE, new TrainingControl(), Progress.NONE,
                TUNING, n -> { });
        assertEquals(3, done.epochsDone());
        assertFalse(done.cancelled());

        CounterweightException finished = assertThrows(CounterweightException.class, () -> ExperimentRunner.resume(
                stopped.runDir(), TrainingListener.NONE, new TrainingControl(), Progress.NONE, TUNING, n -> { }));
        assertTrue(finished.getMessage().contains("finished all its epochs"), finished.getMessage());

        asIfKilled(stopped.runDir());
        Path tail = data.resolve("train").resolve(GeneratedImages.NAMES.get(3));
        try (var files = Files.list(tail)) {
            Files.delete(files.findFirst().orElseThrow());
        }
        CounterweightException changed = assertThrows(CounterweightException.class, () -> ExperimentRunner.resume(
                stopped.runDir(), TrainingListener.NONE, new TrainingControl(), Progress.NONE, TUNING, n -> { }));
        assertTrue(changed.getMessage().contains("the data set changed since the run"), changed.getMessage());
    }

    private static void copy(Path runDir, Path to) {
        try {
            Files.copy(runDir.resolve(RunStore.MODEL), to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
