package io.counterweight.app.drill;

import io.counterweight.app.common.ErrorReporter;
import io.counterweight.app.common.TaskExecutor;
import io.counterweight.app.services.AugmentService;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.stage.Window;

/**
 * The entry point of a drill-down, shared by every heatmap of the window: {@link #show} opens (or reuses) the
 * drill-down window on one cell. What it needs of a run is a {@link CellSource}; the window's heatmaps call it
 * from their {@code setOnCellActivated} hook.
 */
public final class DrillDown {
    private final DrillDownViewModel vm;
    private final Thumbnails thumbnails;
    private DrillDownView view;

    /** @param fxThread delivers rendered thumbnails (Platform::runLater) */
    public DrillDown(TaskExecutor executor, ErrorReporter errors, AugmentService pixels, Executor fxThread) {
        this.vm = new DrillDownViewModel(executor, errors);
        this.thumbnails = new Thumbnails(pixels, fxThread);
        vm.testProperty().addListener((o, a, split) -> thumbnails.show(split));
    }

    /**
     * Shows the images of cell (truth, predicted) of epoch {@code epoch} in a window owned by {@code owner}.
     *
     * @param runName names the run in the title ("live run", a run folder's name)
     */
    public void show(Window owner, CellSource source, String runName, int epoch, int truth, int predicted, List<String> classNames) {
        vm.open(source, runName, epoch, truth, predicted, classNames);
        if (view == null || view.stage().getOwner() != owner) view = new DrillDownView(vm, thumbnails, owner);
        view.show();
    }

    public DrillDownViewModel viewModel() { return vm; }

    /** The window, or null before the first drill-down. */
    public javafx.stage.Stage window() { return view == null ? null : view.stage(); }

    /** Stops the thumbnail worker; the window, owned by the main window, closes with it. */
    public void shutdown() {
        thumbnails.shutdown();
    }
}
