package io.counterweight.core.experiment.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.Progress;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.RunStatus;
import io.counterweight.core.experiment.RunStore;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A grid stopped in the middle of a cell (as Ctrl-C or the window's cancel does, through the
 * TrainingControl) and run again: the finished cell is kept as it was, the stopped one continues from its
 * checkpoint in its own folder, the rest train; nothing runs twice.
 */
class GridRunnerTest {
    @TempDir Path workspace;

    @Test
    void aStoppedGridResumesWhereItStopped() {
        ExperimentConfig base = ExperimentConfig.fastDemo().toBuilder().model("mlp").epochs(2).classes(3).build();
        GridPlan plan = GridPlan.of(base, List.of("baseline", "sampler", "augment"), List.of(0.1), 1, null);
        GridFolder folder = GridFolder.of(workspace, plan.name());

        TrainingControl control = new TrainingControl();
        List<GridEvent> events = new ArrayList<>();
        List<GridFolder.CellState> first = GridRunner.run(plan, folder, 0, e -> {
            events.add(e);
            if (e instanceof GridEvent.CellTraining t && t.cell().index() == 2 && t.event() instanceof TrainingEvent.EpochDone d
                    && d.epoch() == 1) {
                control.cancel(); // after cell 2's first epoch (and its checkpoint) is written
            }
        }, control, Progress.NONE);

        assertEquals(RunStatus.FINISHED, first.get(0).status());
        assertEquals(RunStatus.STOPPED, first.get(1).status());
        assertEquals(1, RunStore.checkpointEpoch(first.get(1).runDir()));
        assertNull(first.get(2).runDir());
        assertEquals(new GridEvent.Finished(true, 1, 3), events.get(events.size() - 1));
        assertEquals(2, events.stream().filter(e -> e instanceof GridEvent.CellStarted).count());

        List<GridEvent> again = new ArrayList<>();
        List<GridFolder.CellState> second = GridRunner.run(plan, folder, 0, again::add, new TrainingControl(), Progress.NONE);

        for (GridFolder.CellState s : second) assertEquals(RunStatus.FINISHED, s.status(), s.cell().label());
        assertEquals(first.get(0).runDir(), second.get(0).runDir()); // kept, not trained again
        assertEquals(first.get(1).runDir(), second.get(1).runDir()); // continued in its own folder
        assertEquals(3, RunStore.list(workspace).size());
        assertTrue(again.contains(new GridEvent.CellSkipped(first.get(0))));
        List<GridEvent.CellStarted> started = again.stream().filter(e -> e instanceof GridEvent.CellStarted)
                .map(e -> (GridEvent.CellStarted) e).toList();
        assertEquals(List.of(2, 3), started.stream().map(s -> s.cell().index()).toList());
        assertEquals(first.get(1).runDir(), started.get(0).resumedFrom());
        assertNull(started.get(1).resumedFrom());
        assertEquals(2, RunStore.open(second.get(1).runDir()).epochsDone());

        List<GridEvent.Progress> progress = again.stream().filter(e -> e instanceof GridEvent.Progress)
                .map(e -> (GridEvent.Progress) e).toList();
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i).fraction() >= progress.get(i - 1).fraction() - 1e-12, "progress never goes back");
        }
        GridEvent.Progress last = progress.get(progress.size() - 1);
        assertEquals(1.0, last.fraction(), 1e-12);
        assertEquals(0.0, last.etaSeconds(), 1e-12);
        assertEquals(new GridEvent.Finished(false, 3, 3), again.get(again.size() - 1));

        GridPlan stored = GridFolder.readPlan(folder.dir());
        assertEquals(plan, stored); // grid.json holds the exact plan a --cell command runs
        assertNotNull(GridFolder.open(folder.dir()).workspace());
    }
}
