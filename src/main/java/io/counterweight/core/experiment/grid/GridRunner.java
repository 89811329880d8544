package io.counterweight.core.experiment.grid;

import io.counterweight.core.Progress;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.data.DatasetLoader;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.ExperimentRunner;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.experiment.RunStatus;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingEvent;
import io.counterweight.core.train.TrainingListener;
import io.counterweight.core.train.TrainingTuning;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs a grid's cells one after the other on the calling thread, each as an ordinary run in the workspace.
 * Cells that are done (see {@link GridFolder.CellState#done()}) or training in another process are skipped,
 * a stopped or interrupted cell continues from its checkpoint, the rest start fresh: so running a grid again
 * after a stop (Ctrl-C, {@link TrainingControl#cancel()}) finishes it. A stop ends the current cell as a
 * stopped run and starts no further cell. A cell that fails (e.g. diverges) is reported and the grid goes on.
 */
public final class GridRunner {
    private GridRunner() { }

    /**
     * @param onlyCell 1-based index of the one cell to run (a Slurm array task), or 0 for all
     * @return every cell's state afterwards (also written to grid.json)
     */
    public static List<GridFolder.CellState> run(GridPlan plan, GridFolder folder, int onlyCell, GridListener listener,
                                                 TrainingControl control, Progress loadProgress) {
        folder.create(plan);
        List<GridCell> scope = onlyCell > 0 ? List.of(plan.cell(onlyCell)) : plan.cells();
        List<GridFolder.CellState> before = folder.states(plan);
        List<GridFolder.CellState> todo = new ArrayList<>();
        int done = 0;
        long epochsTotal = 0, epochsDone = 0;
        for (GridCell c : scope) {
            GridFolder.CellState s = before.get(c.index() - 1);
            int epochs = c.config().recipe().epochs();
            epochsTotal += epochs;
            if (s.done() || s.status() == RunStatus.RUNNING) {
                if (s.done()) done++;
                epochsDone += epochs;
            } else {
                todo.add(s);
            }
        }
        listener.onEvent(new GridEvent.Started(plan, folder.dir(), done));
        for (GridCell c : scope) {
            GridFolder.CellState s = before.get(c.index() - 1);
            if (!todo.contains(s)) listener.onEvent(new GridEvent.CellSkipped(s));
        }
        GridEta eta = new GridEta();
        DataCache data = new DataCache();
        int total = scope.size();
        for (int t = 0; t < todo.size() && !control.isCancelled(); t++) {
            GridFolder.CellState state = todo.get(t);
            GridCell cell = state.cell();
            long later = todo.subList(t + 1, todo.size()).stream().mapToLong(x -> x.cell().config().recipe().epochs()).sum();
            long epochsBefore = epochsDone, grandTotal = epochsTotal;
            int cellsDone = done;
            TrainingListener forward = e -> {
                listener.onEvent(new GridEvent.CellTraining(cell, e));
                if (e instanceof TrainingEvent.EpochDone d) eta.epochDone(d.seconds());
                if (e instanceof TrainingEvent.BatchDone b) {
                    double inCell = (b.epoch() - 1) + (double) b.batch() / b.batchesPerEpoch();
                    listener.onEvent(new GridEvent.Progress(cellsDone, total, (epochsBefore + inCell) / grandTotal,
                            eta.secondsLeft(b.etaSeconds(), later)));
                }
            };
            boolean resume = state.resumable();
            listener.onEvent(new GridEvent.CellStarted(cell, resume ? state.runDir() : null));
            try {
                RunResult result = resume
                        ? ExperimentRunner.resume(state.runDir(), forward, control, loadProgress, TrainingTuning.defaults(), notes -> { })
                        : ExperimentRunner.train(data.selected(cell.config(), loadProgress), cell.config(), folder.workspace(),
                                forward, control);
                if (!result.cancelled()) done++;
                listener.onEvent(new GridEvent.CellFinished(cell, result, null));
            } catch (RuntimeException e) {
                if (control.isCancelled()) throw e; // stopped while loading: the caller says "stopped"
                listener.onEvent(new GridEvent.CellFinished(cell, null,
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                done++; // failed is an outcome of this attempt; a later run of the grid tries it again
            }
            epochsDone += cell.config().recipe().epochs();
            listener.onEvent(new GridEvent.Progress(done, total, (double) epochsDone / epochsTotal,
                    eta.secondsLeft(0, later)));
        }
        List<GridFolder.CellState> after = folder.states(plan);
        if (onlyCell == 0) folder.writeIndex(plan, after); // one cell of many (an array task): the whole grid's run updates it

        int finished = (int) scope.stream().filter(c -> after.get(c.index() - 1).done()).count();
        listener.onEvent(new GridEvent.Finished(control.isCancelled(), finished, total));
        return after;
    }

    /**
     * The loaded data set of the last seed, so the cells of one seed load it once; each cell's selection
     * (long tail at its u) is made as {@link ExperimentRunner#load} makes it.
     */
    private static final class DataCache {
        private ExperimentConfig.DataSpec spec;
        private long seed;
        private Dataset loaded;

        Dataset selected(ExperimentConfig cfg, Progress progress) {
            ExperimentConfig.DataSpec d = cfg.data();
            boolean same = loaded != null && seed == cfg.seed() && Objects.equals(spec.path(), d.path())
                    && spec.format() == d.format() && spec.imageSize() == d.imageSize();
            if (!same) {
                loaded = null; // let the previous seed's images go before loading the next
                loaded = DatasetLoader.load(d.path(), d.format(), d.imageSize(), cfg.seed(), progress);
                spec = d;
                seed = cfg.seed();
            }
            return d.select(loaded, cfg.seed());
        }
    }
}
