package io.counterweight.app.services;

import io.counterweight.core.Progress;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.Workspace;
import io.counterweight.core.experiment.grid.GridEvent;
import io.counterweight.core.experiment.grid.GridFolder;
import io.counterweight.core.experiment.grid.GridListener;
import io.counterweight.core.experiment.grid.GridPlan;
import io.counterweight.core.experiment.grid.GridRunner;
import io.counterweight.core.experiment.grid.RemedyRegistry;
import io.counterweight.core.report.GridChart;
import io.counterweight.core.report.GridExport;
import io.counterweight.core.report.GridRun;
import io.counterweight.core.report.GridTable;
import io.counterweight.core.train.TrainingControl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** {@link GridService} over core.experiment.grid; grids go to {@code <workspace>/grids/} of the window's workspace. */
public final class CoreGridService implements GridService {
    /** Combinations offered besides the single remedies: the study's pair, and two of the cheap long-tail ones. */
    static final List<String> COMBINATIONS = List.of("sampler+augment", "drw+augment", "drw+mixup");

    private final Supplier<Path> workspace;

    /** @param workspace the window's workspace as it is when a grid starts (null: the CLI's) */
    public CoreGridService(Supplier<Path> workspace) {
        this.workspace = workspace;
    }

    @Override
    public List<RemedyOption> remedies() {
        List<RemedyOption> options = new ArrayList<>();
        for (RemedyRegistry.Remedy r : RemedyRegistry.all()) options.add(new RemedyOption(r.name(), r.description()));
        for (String c : COMBINATIONS) {
            options.add(new RemedyOption(RemedyRegistry.parse(c).name(), "both together"));
        }
        return options;
    }

    @Override
    public GridPlan plan(ExperimentConfig base, List<String> remedies, List<Double> ratios, int seeds) {
        return GridPlan.of(base, remedies, ratios, seeds, null);
    }

    @Override
    public GridOutcome run(GridPlan plan, GridListener listener, TrainingControl control, Progress loadProgress) {
        Path dir = workspace.get();
        Path ws = new Workspace(dir == null ? Workspace.resolve(null).dir() : dir).ensureWritable().dir();
        CoreTrainingService.windowTuning(); // one OpenMP thread on a 2-core machine, as the Training tab trains
        GridFolder folder = GridFolder.of(ws, plan.name());
        List<Integer> skipped = new ArrayList<>();
        GridListener recording = e -> {
            if (e instanceof GridEvent.CellSkipped s) skipped.add(s.state().cell().index());
            listener.onEvent(e);
        };
        List<GridFolder.CellState> states;
        try {
            states = GridRunner.run(plan, folder, 0, recording, control, loadProgress);
        } catch (RuntimeException e) {
            if (!control.isCancelled()) throw e;
            states = folder.states(plan); // stopped while a cell loaded its data: what finished still counts
        }
        GridTable table = GridTable.of(GridRun.of(states));
        GridExport.write(folder.dir(), "Grid " + plan.name(), table);
        return new GridOutcome(folder.dir(), table, skipped, control.isCancelled(),
                GridChart.draw(table, "macro_f1", "Macro-F1", 1).png(),
                GridChart.draw(table, "balanced_accuracy", "Balanced accuracy", 1).png());
    }

    @Override
    public List<Path> export(GridTable table, String title, Path dir) {
        return GridExport.write(dir, title, table);
    }
}
