package io.counterweight.core.experiment.grid;

import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.train.TrainingEvent;
import java.nio.file.Path;

/** What a running grid reports, as plain records: the CLI prints them, a Grid view would show a queue. */
public sealed interface GridEvent {

    /** Before the first cell: how many cells the plan has, how many are done already and will be skipped. */
    record Started(GridPlan plan, Path gridDir, int alreadyDone) implements GridEvent { }

    /** A cell that has an outcome already ({@code state.runDir()}), or runs in another process now: not trained here. */
    record CellSkipped(GridFolder.CellState state) implements GridEvent { }

    /** A cell starts training; {@code resumedFrom} is its stopped run folder continued, or null for a new run. */
    record CellStarted(GridCell cell, Path resumedFrom) implements GridEvent { }

    /** A training event of the cell now training (epochs, batches), for live curves. */
    record CellTraining(GridCell cell, TrainingEvent event) implements GridEvent { }

    /**
     * A cell ended: finished, stopped by the user ({@code result.cancelled()}), or failed ({@code error} set,
     * {@code result} null); the grid goes on with the next cell unless stopped.
     */
    record CellFinished(GridCell cell, RunResult result, String error) implements GridEvent { }

    /**
     * Progress of the whole grid after each batch and cell.
     *
     * @param cellsDone  cells with an outcome, skipped ones included
     * @param fraction   of the grid's epochs done, in [0, 1]
     * @param etaSeconds time left (NaN while unknown)
     */
    record Progress(int cellsDone, int cellsTotal, double fraction, double etaSeconds) implements GridEvent { }

    /** The grid ended: all cells have an outcome, or the user stopped it ({@code cancelled}). */
    record Finished(boolean cancelled, int cellsDone, int cellsTotal) implements GridEvent { }
}
