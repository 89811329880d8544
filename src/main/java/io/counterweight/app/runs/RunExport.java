package io.counterweight.app.runs;

import io.counterweight.app.common.BackgroundJob;
import io.counterweight.app.common.TaskExecutor;
import io.counterweight.app.services.ExportService;
import io.counterweight.core.experiment.RunSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * The Runs screen's exports: the selected run, or the rows chosen together as a comparison (the first row the
 * reference), to one HTML report, to CSV tables, or its charts to PNG at 1× or 2×. The destination comes from
 * {@link ExportDestinations}; files are written off the FX thread, and the status line says what was written.
 */
public final class RunExport {
    private final ExportService export;
    private final TaskExecutor executor;
    private final Supplier<List<RunSummary>> runs;
    private final Consumer<String> status;
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting");
    private ExportDestinations destinations = ExportDestinations.NONE;

    RunExport(ExportService export, TaskExecutor executor, Supplier<List<RunSummary>> runs, Consumer<String> status) {
        this.export = export;
        this.executor = executor;
        this.runs = runs;
        this.status = status;
    }

    /** Sets where exports go (the view's choosers; a test's folder). */
    public void setDestinations(ExportDestinations d) {
        destinations = Objects.requireNonNull(d);
    }

    public ExportDestinations destinations() { return destinations; }

    /** One self-contained HTML report of the run(s). */
    public void html() {
        List<RunSummary> chosen = runs.get();
        if (chosen.isEmpty()) return;
        Path file = destinations.file("Export report", baseName(chosen) + ".html", "html");
        if (file == null) return;
        run("Writing " + file.getFileName(), chosen, dirs -> List.of(export.report(dirs, file)), "Wrote the report " + file);
    }

    /** metrics.csv and per_class.csv of the run(s) into a folder. */
    public void csv() {
        List<RunSummary> chosen = runs.get();
        if (chosen.isEmpty()) return;
        Path dir = destinations.folder("Folder for metrics.csv and per_class.csv");
        if (dir == null) return;
        run("Writing CSV tables", chosen, dirs -> export.csv(dirs, dir), null);
    }

    /** The curves and confusion matrices of the run(s) as PNG at {@code scale} (1, or 2 for slides) into a folder. */
    public void png(int scale) {
        List<RunSummary> chosen = runs.get();
        if (chosen.isEmpty()) return;
        Path dir = destinations.folder("Folder for the charts (PNG " + scale + "×)");
        if (dir == null) return;
        run("Drawing charts", chosen, dirs -> export.charts(dirs, dir, scale), null);
    }

    private interface Write {
        List<Path> write(List<Path> runDirs);
    }

    private void run(String title, List<RunSummary> chosen, Write write, String done) {
        List<Path> dirs = chosen.stream().map(RunSummary::runDir).toList();
        exporting.set(true);
        status.accept(title + " …");
        BackgroundJob.of(title, ctx -> write.write(dirs))
                .onDone(() -> exporting.set(false))
                .onSuccess(files -> status.accept(done != null ? done : written(files)))
                .onFailure(e -> status.accept("Nothing written: " + io.counterweight.app.common.ErrorReporter.userMessage(e)))
                .executeWith(executor);
    }

    /** "Wrote a.png, b.png to /dir" */
    static String written(List<Path> files) {
        if (files.isEmpty()) return "Nothing to write: no epoch completed";
        Path dir = files.get(0).getParent();
        return "Wrote " + String.join(", ", files.stream().map(f -> f.getFileName().toString()).toList()) + " to " + dir;
    }

    /** The suggested file name: the run's folder, or "comparison-of-N-runs". */
    static String baseName(List<RunSummary> chosen) {
        return chosen.size() == 1 ? chosen.get(0).runDir().getFileName().toString() : "comparison-of-" + chosen.size() + "-runs";
    }

    public ReadOnlyBooleanProperty exportingProperty() { return exporting.getReadOnlyProperty(); }
}
