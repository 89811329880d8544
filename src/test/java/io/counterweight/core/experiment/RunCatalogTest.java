package io.counterweight.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.augment.AugmentConfig;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.data.DatasetFormat;
import io.counterweight.core.data.ImageShape;
import io.counterweight.core.train.BatchTransform;
import io.counterweight.core.train.EpochOrder;
import io.counterweight.core.train.GeneratedImages;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingListener;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run history read from real run folders: finished, killed, half written, broken, renamed, deleted. */
class RunCatalogTest {
    private static final ImageShape SHAPE = new ImageShape(3, 8, 8);
    private static final Dataset DATA = new Dataset("generated", DatasetFormat.DEMO, GeneratedImages.NAMES,
            GeneratedImages.split(SHAPE, new int[] {20, 12, 8, 4}, 21), GeneratedImages.balanced(SHAPE, 5, 22));
    private static final ExperimentConfig CFG = ExperimentConfig.fastDemo().toBuilder()
            .model("mlp").epochs(2).batch(8).learningRate(0.01).build();

    @TempDir Path workspace;

    private RunResult train(ExperimentConfig cfg) {
        return TrainingRun.execute(DATA, cfg, workspace, "fp", EpochOrder.shuffled(DATA.train().size()),
                BatchTransform.IDENTITY, TrainingListener.NONE, new TrainingControl());
    }

    private static void setProvenanceStatus(Path dir, String status) {
        Provenance p = RunStore.readProvenance(dir);
        try {
            ConfigJson.write(dir.resolve(RunStore.PROVENANCE), new Provenance(p.seed(), p.data(), p.software(), p.machine(),
                    p.speed(), p.startTime(), null, status, p.repeatOf()));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aFinishedRunIsListedWithItsLastEpochsMetrics() {
        RunResult r = train(CFG.toBuilder().sampler(true).augment(AugmentConfig.study()).label("improved").build());
        List<RunSummary> runs = RunCatalog.list(workspace);
        assertEquals(1, runs.size());
        RunSummary s = runs.get(0);
        assertEquals(r.runDir().toAbsolutePath(), s.runDir());
        assertEquals(RunStatus.FINISHED, s.status());
        assertEquals("improved", s.label());
        assertEquals("mlp", s.model());
        assertEquals("generated", s.data());
        assertEquals("sampler + rotation 0.30, affine 0.30, flip 0.30, jitter 0.30", s.remedies());
        assertEquals(2, s.epochsDone());
        assertEquals(2, s.epochs());
        assertEquals(r.report().accuracy(), s.accuracy(), 1e-12);
        assertEquals(r.report().macroF1(), s.macroF1(), 1e-12);
        assertTrue(s.seconds() > 0);
        assertNull(s.problem());
    }

    @Test
    void aRunWhoseProcessWasKilledShowsAsInterruptedAndOneStillTrainingAsRunning() throws Exception {
        Path dir = train(CFG).runDir();
        setProvenanceStatus(dir, Provenance.RUNNING); // as a process leaves it when killed mid-run
        assertEquals(RunStatus.INTERRUPTED, RunCatalog.summarise(dir).status(), "nobody holds the lock");

        // another process holds the lock, as a training CLI would; then it is killed with SIGKILL
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), dir.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("locked", out.readLine());
            assertEquals(RunStatus.RUNNING, RunCatalog.summarise(dir).status());
            assertThrows(CounterweightException.class, () -> RunCatalog.delete(dir), "a training run is not deleted");
            child.destroyForcibly();
            child.waitFor();
        }
        assertEquals(RunStatus.INTERRUPTED, RunCatalog.summarise(dir).status(), "the OS dropped the dead process's lock");
    }

    @Test
    void halfWrittenAndBrokenFoldersAreListedWithAReasonNotAnError() throws Exception {
        Path finished = train(CFG).runDir();
        Path noProvenance = Files.createDirectory(workspace.resolve("20990101-000000-baseline-mlp"));
        Files.copy(finished.resolve(RunStore.CONFIG), noProvenance.resolve(RunStore.CONFIG));
        Path brokenConfig = Files.createDirectory(workspace.resolve("20990102-000000-baseline-mlp"));
        Files.writeString(brokenConfig.resolve(RunStore.CONFIG), "{\"data\": {\"path\": ");
        Path brokenMetrics = Files.createDirectory(workspace.resolve("20990103-000000-baseline-mlp"));
        for (String f : List.of(RunStore.CONFIG, RunStore.PROVENANCE)) Files.copy(finished.resolve(f), brokenMetrics.resolve(f));
        Files.writeString(brokenMetrics.resolve(RunStore.METRICS), "epoch,accuracy\nnot,a number\n");

        List<RunSummary> runs = RunCatalog.list(workspace);
        assertEquals(List.of(brokenMetrics, brokenConfig, noProvenance, finished.toAbsolutePath()),
                runs.stream().map(RunSummary::runDir).toList(), "newest first");
        assertEquals(RunStatus.FINISHED, runs.get(0).status());
        assertTrue(runs.get(0).problem().contains(RunStore.METRICS), runs.get(0).problem());
        assertEquals(RunStatus.FAILED, runs.get(1).status());
        assertTrue(runs.get(1).problem().contains("config.json"), runs.get(1).problem());
        assertEquals(RunStatus.INTERRUPTED, runs.get(2).status());
        assertTrue(runs.get(2).problem().contains("provenance.json"), runs.get(2).problem());
        assertEquals(0, runs.get(2).epochsDone());
        assertTrue(Double.isNaN(runs.get(2).accuracy()));
    }

    @Test
    void divergedAndStoppedRunsSayWhy() {
        Path dir = train(CFG).runDir();
        setProvenanceStatus(dir, "failed: training diverged: loss is NaN at epoch 3 batch 1; lower --lr");
        assertEquals(RunStatus.DIVERGED, RunCatalog.summarise(dir).status());
        setProvenanceStatus(dir, "cancelled");
        assertEquals(RunStatus.STOPPED, RunCatalog.summarise(dir).status());
        setProvenanceStatus(dir, "failed: disk full");
        RunSummary failed = RunCatalog.summarise(dir);
        assertEquals(RunStatus.FAILED, failed.status());
        assertEquals("failed: disk full", failed.problem());
    }

    @Test
    void renameTagAndDeleteTouchOnlyWhatTheyShould() throws Exception {
        Path dir = train(CFG).runDir();
        String config = Files.readString(dir.resolve(RunStore.CONFIG));
        RunCatalog.rename(dir, "first try");
        RunCatalog.setTags(dir, List.of(" lesson ", "cifar", "lesson", ""));
        RunSummary s = RunCatalog.summarise(dir);
        assertEquals("first try", s.name());
        assertEquals(List.of("cifar", "lesson"), s.tags());
        assertEquals(config, Files.readString(dir.resolve(RunStore.CONFIG)), "the run's own files stay as written");
        RunCatalog.rename(dir, " ");
        assertEquals(dir.getFileName().toString(), RunCatalog.summarise(dir).name());

        Path notARun = Files.createDirectory(workspace.resolve("holiday photos"));
        assertThrows(CounterweightException.class, () -> RunCatalog.delete(notARun));
        assertTrue(Files.isDirectory(notARun));
        RunCatalog.delete(dir);
        assertFalse(Files.exists(dir));
        assertEquals(List.of(), RunCatalog.list(workspace));
    }
}
