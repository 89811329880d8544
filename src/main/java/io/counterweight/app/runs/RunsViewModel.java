package io.counterweight.app.runs;

import io.counterweight.app.drill.CellSource;
import io.counterweight.core.Progress;
import io.counterweight.core.data.ImageSplit;
import io.counterweight.core.metrics.Predictions;
import io.counterweight.app.Workbench;
import io.counterweight.app.common.BackgroundJob;
import io.counterweight.app.common.ErrorReporter;
import io.counterweight.app.common.JobHandle;
import io.counterweight.app.common.TaskExecutor;
import io.counterweight.app.common.UiScheduler;
import io.counterweight.app.services.EpochView;
import io.counterweight.app.services.ReopenedRun;
import io.counterweight.app.services.RunHistoryService;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.experiment.RunStatus;
import io.counterweight.core.experiment.RunSummary;
import io.counterweight.core.metrics.ClassMetrics;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * State of the Runs screen. The history is re-listed in the background every {@link #RELIST_MILLIS} ms
 * while the tab is shown ({@link #activeProperty()}); the rows are replaced only when something changed,
 * and the selected run stays selected. Selecting a run reopens it off the FX thread: curves, config and
 * provenance, and the epoch the slider picks (each epoch's file read once, {@link EpochCache}). A folder
 * that cannot be read whole is shown with its problem, never as an error dialog. Rename, tags, delete,
 * Repeat, Resume and the workspace go through the {@link RunHistoryService}; Repeat and Resume are in
 * {@link RepeatRun}, exports in {@link RunExport}, predictions of dropped images in {@link RunPredictions}.
 */
public final class RunsViewModel {
    /** How often the history is re-listed while the tab is shown. */
    public static final long RELIST_MILLIS = 2000;

    private final Workbench workbench;
    private final TaskExecutor executor;
    private final UiScheduler scheduler;
    private final ErrorReporter errors;
    private final WorkspacePreference preference;
    private final RunHistoryService history;
    private final RepeatRun repeat;
    private final RunExport export;
    private final RunPredictions predictions;

    private final ObservableList<RunSummary> runs = FXCollections.observableArrayList();
    private final ObservableList<RunSummary> chosen = FXCollections.observableArrayList();
    private final FilteredList<RunSummary> shown = new FilteredList<>(runs);
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final StringProperty statusFilter = new SimpleStringProperty(this, "statusFilter", RunFilter.ALL);
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    private final ReadOnlyObjectWrapper<RunSummary> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyObjectWrapper<ReopenedRun> opened = new ReadOnlyObjectWrapper<>(this, "opened");
    private final RunCurves curves = new RunCurves();
    private final ObservableList<RunDetail> details = FXCollections.observableArrayList();
    private final ObservableList<ClassMetrics> perClass = FXCollections.observableArrayList();
    private final IntegerProperty epoch = new SimpleIntegerProperty(this, "epoch", 1);
    private final ReadOnlyIntegerWrapper lastEpoch = new ReadOnlyIntegerWrapper(this, "lastEpoch", 0);
    private final ReadOnlyObjectWrapper<EpochView> epochView = new ReadOnlyObjectWrapper<>(this, "epochView");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Select a run");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper epochText = new ReadOnlyStringWrapper(this, "epochText", "Confusion matrix");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper workspaceText = new ReadOnlyStringWrapper(this, "workspaceText", "");

    private EpochCache cache;
    private int planned = 1;
    private int openGeneration;
    private int listGeneration;
    private boolean outside; // the selected run is a folder outside the workspace (opened from the command line)

    public RunsViewModel(Workbench workbench, TaskExecutor executor, UiScheduler scheduler, ErrorReporter errors,
                         WorkspacePreference preference) {
        this.workbench = workbench;
        this.executor = executor;
        this.scheduler = scheduler;
        this.errors = errors;
        this.preference = preference;
        this.history = workbench.services().runs();
        this.repeat = new RepeatRun(this, workbench, executor, scheduler, errors);
        this.export = new RunExport(workbench.services().export(), executor, this::exportedRuns, status::set);
        this.predictions = new RunPredictions(workbench.services().export(), executor, errors, selected::get, status::set);
        showWorkspace();
        filterText.addListener(x -> refilter());
        statusFilter.addListener(x -> refilter());
        active.addListener((o, was, now) -> {
            listGeneration++; // a re-listing scheduled before ends its chain
            if (now) relist(listGeneration);
        });
        epoch.addListener((o, a, e) -> showEpoch(e.intValue()));
    }

    private void refilter() {
        shown.setPredicate(new RunFilter(filterText.get(), statusFilter.get()));
    }

    private void showWorkspace() {
        Path ws = history.workspace();
        workspaceText.set(ws == null ? "No workspace" : "Workspace: " + ws);
    }

    // ---- the history ------------------------------------------------------------------------------

    /** Lists the workspace now and, while the tab stays shown, again {@link #RELIST_MILLIS} after each listing. */
    private void relist(int generation) {
        if (generation != listGeneration || !active.get()) return;
        BackgroundJob.of("Listing runs", ctx -> history.list()).quiet()
                .onDone(() -> {
                    if (generation == listGeneration && active.get()) scheduler.runLater(() -> relist(generation), RELIST_MILLIS);
                })
                .onSuccess(this::applyList)
                .onFailure(e -> status.set("Cannot list the workspace: " + ErrorReporter.userMessage(e)))
                .executeWith(executor);
    }

    /** Lists once, then selects {@code runDir} (after Repeat, a change of workspace, …). */
    void listAndSelect(Path runDir) {
        BackgroundJob.of("Listing runs", ctx -> history.list()).quiet()
                .onSuccess(list -> {
                    applyList(list);
                    RunSummary r = find(runDir);
                    if (r != null) select(r);
                })
                .onFailure(e -> status.set("Cannot list the workspace: " + ErrorReporter.userMessage(e)))
                .executeWith(executor);
    }

    /** Takes a fresh listing: nothing happens when it is what is shown; the selection follows its run. */
    void applyList(List<RunSummary> list) {
        if (runs.equals(list)) return;
        runs.setAll(list);
        RunSummary was = selected.get();
        if (was == null || outside) return;
        RunSummary now = find(was.runDir());
        if (now == null) {
            clearSelection();
        } else if (!now.equals(was)) {
            selected.set(now);
            boolean progressed = now.epochsDone() != was.epochsDone() || now.status() != was.status()
                    || !Objects.equals(now.problem(), was.problem());
            if (progressed) open(now, true);
            else title.set(titleOf(now));
        }
    }

    private RunSummary find(Path runDir) {
        return runs.stream().filter(r -> r.runDir().equals(runDir)).findFirst().orElse(null);
    }

    // ---- the selected run -------------------------------------------------------------------------

    /** Reopens {@code run} (a row of the table); null clears the selection. */
    public void select(RunSummary run) {
        if (run == null) {
            clearSelection();
            return;
        }
        if (run.equals(selected.get()) && !outside) return;
        outside = false;
        selected.set(run);
        open(run, false);
    }

    /**
     * Reopens a run folder given from outside ({@code counterweight gui RUN_DIR}): selected in the history
     * when it is in the workspace, else shown on its own.
     */
    public void reopenFolder(Path dir) {
        Path p = dir.toAbsolutePath().normalize();
        BackgroundJob.of("Opening " + p.getFileName(), ctx -> {
                    List<RunSummary> list = history.list();
                    boolean listed = list.stream().anyMatch(r -> r.runDir().equals(p));
                    return new Found(list, listed ? null : history.open(p));
                })
                .onSuccess(found -> {
                    applyList(found.list());
                    if (found.outside() == null) {
                        select(find(p));
                        return;
                    }
                    RunSummary s = OutsideRun.summarise(p, found.outside());
                    outside = true;
                    selected.set(s);
                    show(s, found.outside(), -1, ++openGeneration);
                    status.set("Shown from outside the workspace: " + p);
                })
                .executeWith(executor);
    }

    private record Found(List<RunSummary> list, ReopenedRun outside) { }

    private void clearSelection() {
        openGeneration++;
        outside = false;
        selected.set(null);
        opened.set(null);
        cache = null;
        title.set("Select a run");
        problem.set("");
        curves.clear();
        details.clear();
        lastEpoch.set(0);
        showEpoch(epoch.get());
    }

    /** Reads the run off the FX thread; {@code refresh}: the same run re-read, keeping the chosen epoch. */
    private void open(RunSummary run, boolean refresh) {
        int generation = ++openGeneration;
        int keep = refresh && epoch.get() < lastEpoch.get() ? epoch.get() : -1; // on the last epoch: follow it
        if (!refresh) {
            title.set(titleOf(run));
            problem.set(run.problem() == null ? "" : run.problem());
        }
        BackgroundJob<ReopenedRun> job = BackgroundJob.of("Opening " + run.name(), ctx -> history.open(run.runDir()));
        if (refresh) job.quiet();
        job.onSuccess(r -> show(run, r, keep, generation))
                .onFailure(e -> {
                    if (generation == openGeneration) problem.set(ErrorReporter.userMessage(e));
                })
                .executeWith(executor);
    }

    private void show(RunSummary run, ReopenedRun r, int keepEpoch, int generation) {
        if (generation != openGeneration) return; // another run was selected meanwhile
        opened.set(r);
        RunResult result = r.result();
        title.set(titleOf(run));
        problem.set(problemOf(run, r));
        details.setAll(RunDetails.of(run.runDir(), result == null ? null : result.config(), r.provenance()));
        if (result == null) {
            cache = null;
            curves.clear();
            lastEpoch.set(0);
            showEpoch(epoch.get());
            return;
        }
        planned = result.config().recipe().epochs();
        curves.show(result.history(), planned);
        cache = new EpochCache(history, executor, run.runDir(), r.provenance() == null ? null : r.provenance().trainCountArray());
        int last = result.history().isEmpty() ? 0 : result.history().get(result.history().size() - 1).epoch();
        if (last > 0 && result.confusion() != null && result.report() != null) { // read with the run: the same file
            cache.put(new EpochView(last, result.report().perClass().stream().map(ClassMetrics::name).toList(),
                    result.confusion(), result.report()));
        }
        lastEpoch.set(last);
        int target = keepEpoch > 0 && keepEpoch <= last ? keepEpoch : Math.max(1, last);
        if (epoch.get() == target) showEpoch(target);
        else epoch.set(target);
    }

    private void showEpoch(int e) {
        EpochCache c = cache;
        if (c == null || e < 1 || e > lastEpoch.get()) {
            epochView.set(null);
            perClass.clear();
            epochText.set(selected.get() == null ? "Confusion matrix" : "No epoch completed");
            return;
        }
        c.get(e, o -> {
            if (c != cache || epoch.get() != e) return; // the slider moved on, or another run was opened
            if (o.view() == null) {
                epochView.set(null);
                perClass.clear();
                epochText.set("Epoch " + e + " of " + planned + " · " + o.problem());
                return;
            }
            epochView.set(o.view());
            perClass.setAll(o.view().report().perClass());
            epochText.set(String.format(Locale.ROOT, "Epoch %d of %d · accuracy %.1f %% · macro-F1 %.3f", e, planned,
                    100 * o.view().report().accuracy(), o.view().report().macroF1()));
        });
    }

    static String titleOf(RunSummary s) {
        return s.name() + " · " + s.model() + " · " + s.epochsDone() + " / " + s.epochs() + " epochs";
    }

    private static String problemOf(RunSummary s, ReopenedRun r) {
        String a = s.problem(), b = r.problem();
        String text = b == null ? a : a == null || b.contains(a) ? b : a.contains(b) ? a : b + "; " + a;
        if (text == null && s.status() == RunStatus.INTERRUPTED) {
            text = "Interrupted: its process ended after " + s.epochsDone() + " of " + s.epochs()
                    + " epochs (Resume continues it in its folder)";
        }
        return text == null ? "" : text;
    }

    // ---- changes ----------------------------------------------------------------------------------

    /** Gives the selected run a display name; blank gives it back its folder's name. */
    public void rename(String name) {
        RunSummary s = selected.get();
        if (s == null || name == null) return;
        String n = name.isBlank() ? null : name.strip();
        change("Renaming " + s.name(), () -> history.rename(s.runDir(), n), n == null ? "Name reset" : "Renamed to " + n);
    }

    /** Sets the selected run's tags from comma-separated text. */
    public void setTags(String text) {
        RunSummary s = selected.get();
        if (s == null || text == null) return;
        List<String> tags = parseTags(text);
        change("Tagging " + s.name(), () -> history.setTags(s.runDir(), tags), "Tags of " + s.name() + ": "
                + (tags.isEmpty() ? "none" : String.join(", ", tags)));
    }

    static List<String> parseTags(String text) {
        return java.util.Arrays.stream(text.split(",")).map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
    }

    /** Deletes the selected run's folder (the view asks first); a run that is training is refused. */
    public void delete() {
        RunSummary s = selected.get();
        if (s == null) return;
        if (!canDelete(s)) {
            status.set(s.name() + " is training: delete it when it has ended");
            return;
        }
        change("Deleting " + s.name(), () -> history.delete(s.runDir()), "Deleted " + s.name());
    }

    /** Whether {@code s} may be deleted now (not while it trains). */
    public static boolean canDelete(RunSummary s) {
        return s != null && s.status() != RunStatus.RUNNING;
    }

    private void change(String what, Runnable action, String done) {
        BackgroundJob.of(what, ctx -> {
                    action.run();
                    return history.list();
                })
                .onSuccess(list -> {
                    if (outside) clearSelection();
                    applyList(list);
                    status.set(done);
                })
                .executeWith(executor); // a refusal (the run started training meanwhile, a read-only disk) is reported
    }

    /** Trains the selected run again from its folder (see {@link RepeatRun}). */
    public void repeat() {
        repeat.start(selected.get());
    }

    /** Continues the selected run in its folder from its checkpoint (interrupted or stopped; see {@link RepeatRun}). */
    public void resume() {
        repeat.resume(selected.get());
    }

    /** Whether the selected run can be resumed now (interrupted or stopped, and nothing else trains). */
    public static boolean canResume(RunSummary s) {
        return RepeatRun.canResume(s);
    }

    /** The rows chosen together in the table (several for a comparison); the last one is also {@link #select}ed. */
    public void choose(List<RunSummary> rows) {
        chosen.setAll(rows);
    }

    /** What an export takes: the chosen rows when several are, else the selected run (empty when none). */
    public List<RunSummary> exportedRuns() {
        if (chosen.size() >= 2) return List.copyOf(chosen);
        RunSummary s = selected.get();
        return s == null ? List.of() : List.of(s);
    }

    /** Asks for images (the destinations' chooser) and predicts them with the selected run's model. */
    public void predictImages() {
        if (selected.get() == null) return;
        List<java.nio.file.Path> files = export.destinations().images("Images to classify with " + selected.get().name());
        if (!files.isEmpty()) predictions.predict(files);
    }

    /** Stops a Repeat after the current batch. */
    public void stop() {
        repeat.stop();
    }

    /**
     * Makes {@code dir} the workspace of this window's runs: checked writable off the FX thread, then
     * remembered and listed. A refused folder is reported and not remembered.
     */
    public void useWorkspace(Path dir) {
        if (dir == null) return;
        Path before = history.workspace();
        BackgroundJob.of("Checking workspace " + dir, ctx -> {
                    history.useWorkspace(dir);
                    return history.list();
                })
                .onSuccess(list -> {
                    boolean moved = !history.workspace().equals(before);
                    preference.set(history.workspace());
                    showWorkspace();
                    if (moved) clearSelection();
                    applyList(list);
                    status.set("Runs of this window now go to " + history.workspace());
                })
                .onFailure(e -> {
                    status.set("Workspace not changed");
                    errors.report(e);
                })
                .executeWith(executor);
    }

    /** Stops re-listing and a running Repeat (window closed). */
    public void shutdown() {
        active.set(false);
        repeat.stop();
        repeat.cancel();
    }

    void setStatus(String text) {
        status.set(text);
    }

    /** True while the Runs tab is shown: the history is re-listed only then. */
    public BooleanProperty activeProperty() { return active; }
    public ObservableList<RunSummary> runs() { return runs; }
    /** The rows the filter lets through, in listing order (newest first). */
    public ObservableList<RunSummary> shownRuns() { return shown; }
    public StringProperty filterTextProperty() { return filterText; }
    /** "all" or a status id ({@link RunFilter#statusChoices()}). */
    public StringProperty statusFilterProperty() { return statusFilter; }
    public List<String> statusChoices() { return RunFilter.statusChoices(); }
    public ReadOnlyObjectProperty<RunSummary> selectedProperty() { return selected.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ReopenedRun> openedProperty() { return opened.getReadOnlyProperty(); }
    public RunCurves curves() { return curves; }
    public ObservableList<RunDetail> details() { return details; }
    public ObservableList<ClassMetrics> perClass() { return perClass; }
    /** The epoch the slider picks (1 … {@link #lastEpochProperty()}). */
    public IntegerProperty epochProperty() { return epoch; }
    /** The last completed epoch of the selected run, 0 when none. */
    public ReadOnlyIntegerProperty lastEpochProperty() { return lastEpoch.getReadOnlyProperty(); }
    /** The reopened run's images for a drill-down into its heatmap: predictions files and its data loaded again; null when none is open. */
    public CellSource cellSource() {
        ReopenedRun o = opened.get();
        if (o == null || o.result() == null || o.result().runDir() == null) return null;
        Path dir = o.result().runDir();
        return new CellSource() {
            @Override public Predictions predictions(int epoch) { return history.predictions(dir, epoch); }
            @Override public ImageSplit testImages(Progress progress) { return history.testImages(dir, progress); }
            @Override public String cacheKey() { return dir.toAbsolutePath().toString(); }
        };
    }

    public ReadOnlyObjectProperty<EpochView> epochViewProperty() { return epochView.getReadOnlyProperty(); }
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    public ReadOnlyStringProperty epochTextProperty() { return epochText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty workspaceTextProperty() { return workspaceText.getReadOnlyProperty(); }
    public RepeatRun repeatRun() { return repeat; }
    public RunExport export() { return export; }
    public RunPredictions predictions() { return predictions; }
    /** The rows chosen in the table ({@link #choose}). */
    public ObservableList<RunSummary> chosenRuns() { return chosen; }
    public Workbench workbench() { return workbench; }
    /** The folder runs are listed from and go to. */
    public Path workspace() { return history.workspace(); }
}
