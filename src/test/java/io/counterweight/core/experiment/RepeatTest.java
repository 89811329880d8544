package io.counterweight.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.Progress;
import io.counterweight.core.train.GeneratedImages;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingListener;
import io.counterweight.core.train.TrainingTuning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run repeated from its folder: same numbers on the same machine, and a word before it starts when not. */
class RepeatTest {

    @TempDir Path tmp;

    private Path imageFolder() throws IOException {
        return ImageFolderFixture.write(tmp);
    }

    private static ExperimentConfig config(Path data) {
        return ExperimentConfig.study(data.toString()).toBuilder().model("mlp").epochs(2).batch(8).learningRate(0.01)
                .sampler(true).label("improved").build();
    }

    private static List<Double> numbers(RunResult r) {
        List<Double> out = new ArrayList<>();
        for (EpochMetrics m : r.history()) {
            out.addAll(List.of(m.trainLoss(), m.testLoss(), m.accuracy(), m.macroF1(), m.balancedAccuracy()));
        }
        return out;
    }

    @Test
    void aRepeatFromTheRunFolderGivesIdenticalMetricsAndSaysWhichRunItRepeats() throws IOException {
        Path data = imageFolder();
        Path runs = tmp.resolve("runs");
        TrainingTuning tuning = TrainingTuning.defaults();
        RunResult first = ExperimentRunner.train(ExperimentRunner.load(config(data), Progress.NONE), config(data), runs,
                TrainingListener.NONE, new TrainingControl(), tuning);
        ExperimentConfig stored = ConfigJson.readConfig(first.runDir().resolve(RunStore.CONFIG));
        assertEquals(data.toAbsolutePath().toString(), stored.data().path(), "the data path is stored absolute");

        List<List<String>> notes = new ArrayList<>();
        RunResult again = ExperimentRunner.repeat(first.runDir(), stored, runs, TrainingListener.NONE, new TrainingControl(),
                Progress.NONE, tuning, notes::add);
        assertEquals(List.of(List.of()), notes, "nothing differs on the same machine");
        assertEquals(numbers(first), numbers(again));
        assertEquals(first.confusion(), again.confusion());
        assertEquals(first.runDir().toAbsolutePath().normalize().toString(), RunStore.readProvenance(again.runDir()).repeatOf());
    }

    @Test
    void aChangedDataSetOrOtherSpeedSettingsAreNamedBeforeTraining() throws IOException {
        Path data = imageFolder();
        Path runs = tmp.resolve("runs");
        TrainingTuning tuning = TrainingTuning.defaults();
        RunResult first = ExperimentRunner.train(ExperimentRunner.load(config(data), Progress.NONE), config(data), runs,
                TrainingListener.NONE, new TrainingControl(), tuning);
        // one more image in the tail class changes the data set on disk
        Path extra = data.resolve("train").resolve(GeneratedImages.NAMES.get(3));
        Files.copy(Files.list(extra).findFirst().orElseThrow(), extra.resolve("copy.png"));
        Provenance p = RunStore.readProvenance(first.runDir());
        var s = p.speed();
        ConfigJson.write(first.runDir().resolve(RunStore.PROVENANCE), new Provenance(p.seed(), p.data(), p.software(), p.machine(),
                new io.counterweight.core.train.SpeedSettings(s.computeThreads(), s.replicas(), s.nativeThreadsPerReplica(),
                        s.nd4jThreads() + 7, "dl4j"), p.startTime(), p.endTime(), p.status(), null));

        List<String> notes = new ArrayList<>();
        ExperimentRunner.repeat(first.runDir(), config(data), runs, TrainingListener.NONE, new TrainingControl(),
                Progress.NONE, tuning, notes::addAll);
        assertEquals(3, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("the data set changed since the run"), notes.get(0));
        assertTrue(notes.get(1).startsWith("another ND4J thread count"), notes.get(1));
        assertTrue(notes.get(2).startsWith("another convolution engine: dl4j then"), notes.get(2));
    }
}
