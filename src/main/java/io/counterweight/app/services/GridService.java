package io.counterweight.app.services;

import io.counterweight.core.Progress;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.grid.GridListener;
import io.counterweight.core.experiment.grid.GridPlan;
import io.counterweight.core.report.GridTable;
import io.counterweight.core.train.TrainingControl;
import java.nio.file.Path;
import java.util.List;

/** Ablation grids (core.experiment.grid, core.report's GridTable and GridExport) for the Grid screen. */
public interface GridService {

    /** A remedy (or '+' combination) the screen offers, with one line of help. */
    record RemedyOption(String name, String description) { }

    /** The registry's remedies, then a few combinations (at least sampler+augment). */
    List<RemedyOption> remedies();

    /**
     * The cells of a grid over {@code base} (data, recipe, base seed). Same settings, same plan name, so a
     * second start finds the cells the first finished. Cheap: no data is read.
     *
     * @throws io.counterweight.core.CounterweightException for an unknown remedy, a repeated ratio, seeds out of range
     */
    GridPlan plan(ExperimentConfig base, List<String> remedies, List<Double> ratios, int seeds);

    /**
     * Runs the plan's unfinished cells on the calling (worker) thread, in the window's workspace; finished cells
     * are skipped, a stopped cell resumes from its checkpoint. Writes the grid's tables and charts into its folder.
     * Events arrive on the calling thread; {@code control} cancels between batches.
     */
    GridOutcome run(GridPlan plan, GridListener listener, TrainingControl control, Progress loadProgress);

    /** Writes summary.csv, cells.csv, class_gains.csv, the PNG charts and grid.html into {@code dir}. */
    List<Path> export(GridTable table, String title, Path dir);

    /**
     * What a grid run left: its folder, every cell's status and run folder (as the table's {@code cells}), the
     * aggregated table, the cells skipped because they were done before, and the charts as PNG bytes.
     */
    record GridOutcome(Path gridDir, GridTable table, List<Integer> skippedCells, boolean cancelled,
                       byte[] macroF1Png, byte[] balancedAccuracyPng) {
        public GridOutcome {
            skippedCells = List.copyOf(skippedCells);
        }
    }
}
