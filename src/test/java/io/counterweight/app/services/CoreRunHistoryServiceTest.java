package io.counterweight.app.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.app.testing.Fixtures;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.experiment.ConfigJson;
import io.counterweight.core.experiment.ConfusionCsv;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.Provenance;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.experiment.RunStatus;
import io.counterweight.core.experiment.RunStore;
import io.counterweight.core.experiment.RunSummary;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run history service on real run folders, and one workspace shared with the training service. */
class CoreRunHistoryServiceTest {
    static final Dataset DATA = Fixtures.dataset("tiny", new int[] {12, 6, 3}, 3, 6, 1);
    static final ExperimentConfig CFG = ExperimentConfig.fastDemo().toBuilder().model("mlp").epochs(2).batch(8)
            .learningRate(0.05).build();

    @TempDir Path dir;

    @Test
    void listsReopensReadsEpochsAndEditsRealRunFolders() throws Exception {
        Services services = Services.core(dir.resolve("ws"));
        RunHistoryService history = services.runs();
        RunResult run = services.training().train(DATA, CFG, TrainingListener.NONE, new TrainingControl());
        assertEquals(dir.resolve("ws").toAbsolutePath(), run.runDir().getParent().toAbsolutePath());

        List<RunSummary> listed = history.list();
        assertEquals(1, listed.size());
        assertEquals(RunStatus.FINISHED, listed.get(0).status());
        assertTrue(history.isRunFolder(run.runDir()));
        assertFalse(history.isRunFolder(dir));

        ReopenedRun reopened = history.open(run.runDir());
        assertNull(reopened.problem());
        assertEquals(2, reopened.result().history().size());
        assertEquals(run.confusion(), reopened.result().confusion());
        int[] counts = reopened.provenance().trainCountArray();
        for (int e = 1; e <= 2; e++) {
            EpochView v = history.epoch(run.runDir(), e, counts);
            ConfusionCsv.Named file = ConfusionCsv.read(run.runDir().resolve("confusion").resolve(RunStore.confusionFile(e)));
            assertEquals(file.matrix(), v.matrix(), "epoch " + e + " as written");
            assertEquals(file.classNames(), v.classNames());
            assertEquals(v.report().accuracy(), reopened.result().history().get(e - 1).accuracy(), 1e-12);
        }

        history.rename(run.runDir(), "first");
        history.setTags(run.runDir(), List.of("tiny", "mlp"));
        RunSummary edited = history.list().get(0);
        assertEquals("first", edited.name());
        assertEquals(List.of("mlp", "tiny"), edited.tags(), "the core keeps tags sorted");

        // The process died mid-run: provenance still says running, nobody holds the lock.
        Provenance p = RunStore.readProvenance(run.runDir());
        ConfigJson.write(run.runDir().resolve(RunStore.PROVENANCE), new Provenance(p.seed(), p.data(), p.software(), p.machine(),
                p.speed(), p.startTime(), null, Provenance.RUNNING, null));
        assertEquals(RunStatus.INTERRUPTED, history.list().get(0).status());
        assertNotNull(history.open(run.runDir()).result(), "an interrupted run reopens as far as it got");

        history.delete(run.runDir());
        assertFalse(Files.exists(run.runDir()));
        assertEquals(List.of(), history.list());
    }

    @Test
    void aNewWorkspaceIsWhereTheWindowsNextRunsGo() {
        Services services = Services.core(dir.resolve("first"));
        Path second = dir.resolve("second");
        services.runs().useWorkspace(second);
        assertEquals(second.toAbsolutePath(), services.runs().workspace());
        RunResult run = services.training().train(DATA, CFG.toBuilder().epochs(1).build(), TrainingListener.NONE, new TrainingControl());
        assertEquals(second.toAbsolutePath(), run.runDir().getParent().toAbsolutePath());
        assertEquals(1, services.runs().list().size());
    }

    @Test
    void aBrokenFolderIsListedAndOpenedWithItsProblem() throws Exception {
        Services services = Services.core(dir);
        Path broken = Files.createDirectory(dir.resolve("20990101-000000-baseline-mlp"));
        Files.writeString(broken.resolve(RunStore.CONFIG), "{\"data\": ");
        RunSummary s = services.runs().list().get(0);
        assertEquals(RunStatus.FAILED, s.status());
        assertTrue(s.problem().contains("config.json"), s.problem());
        ReopenedRun r = services.runs().open(broken);
        assertNull(r.result());
        assertNotNull(r.problem());
    }
}
