package io.counterweight.app.compare;

import io.counterweight.app.Workbench;
import io.counterweight.app.common.BackgroundJob;
import io.counterweight.app.common.ErrorReporter;
import io.counterweight.app.common.JobContext;
import io.counterweight.app.common.JobHandle;
import io.counterweight.app.common.TaskExecutor;
import io.counterweight.app.drill.CellSource;
import io.counterweight.app.services.EpochView;
import io.counterweight.app.services.ReopenedRun;
import io.counterweight.app.services.RunHistoryService;
import io.counterweight.app.services.TrainingService;
import io.counterweight.core.CounterweightException;
import io.counterweight.core.Progress;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.data.ImageSplit;
import io.counterweight.core.experiment.Comparison;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.experiment.RunSummary;
import io.counterweight.core.metrics.ClassChange;
import io.counterweight.core.metrics.ClassGroup;
import io.counterweight.core.metrics.ClassMetrics;
import io.counterweight.core.metrics.ClassificationReport;
import io.counterweight.core.metrics.ConfusionDifference;
import io.counterweight.core.metrics.Predictions;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the Compare screen. Two or more runs, each with every epoch it completed: trained now
 * (baseline = the current settings with both remedies off, improved = the current settings, i.e. what
 * the Sampler and Augmentation tabs set up) or chosen from the run history. One epoch, moved by the
 * scrubber, picks every run's confusion matrix and per-class report at once, and the difference map
 * (second run minus first, normalised per true class) with the per-class changes of recall and F1.
 */
public final class CompareViewModel {
    private final Workbench workbench;
    private final TaskExecutor executor;
    private final ErrorReporter errors;

    private final ObservableList<ComparedRun> runs = FXCollections.observableArrayList();
    private final ObservableList<EpochView> shown = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ConfusionDifference> difference = new ReadOnlyObjectWrapper<>(this, "difference");
    private final ObservableList<ClassChange> classChanges = FXCollections.observableArrayList();
    private final ObservableList<PerClassRow> perClass = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper differenceProblem = new ReadOnlyStringWrapper(this, "differenceProblem", "");
    private final IntegerProperty epoch = new SimpleIntegerProperty(this, "epoch", 1);
    private final ReadOnlyIntegerWrapper maxEpoch = new ReadOnlyIntegerWrapper(this, "maxEpoch", 1);
    private final BooleanProperty normalised;
    private final ReadOnlyObjectWrapper<RunResult> baseline = new ReadOnlyObjectWrapper<>(this, "baseline");
    private final ReadOnlyObjectWrapper<RunResult> improved = new ReadOnlyObjectWrapper<>(this, "improved");
    private final ObservableList<Comparison.Row> rows = FXCollections.observableArrayList();
    private final ObservableList<RunSummary> history = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Train a baseline and an improved run from the current settings, or compare runs from the history.");
    private final StringBinding plan;
    private TrainingControl control;
    private JobHandle job = JobHandle.NONE;

    public CompareViewModel(Workbench workbench, TaskExecutor executor, ErrorReporter errors) {
        this(workbench, executor, errors, NormalisedPreference.inMemory());
    }

    public CompareViewModel(Workbench workbench, TaskExecutor executor, ErrorReporter errors, NormalisedPreference normalisedPreference) {
        this.workbench = workbench;
        this.executor = executor;
        this.errors = errors;
        normalised = new SimpleBooleanProperty(this, "normalised", normalisedPreference.get());
        normalised.addListener((o, a, b) -> normalisedPreference.set(b));
        plan = Bindings.createStringBinding(() -> RemediesText.plan(workbench.config("plan").remedies()),
                workbench.samplerProperty(), workbench.weightModeProperty(), workbench.betaProperty(), workbench.augmentProperty());
        epoch.addListener(x -> showEpoch());
    }

    /**
     * Trains the baseline (the current settings with sampler and augmentation off), then the improved run
     * (the current settings as the Sampler and Augmentation tabs have them). Refused when neither remedy is on.
     */
    public void runBoth() {
        if (running.get() || workbench.busyProperty().get()) return;
        Dataset data = workbench.selected();
        ExperimentConfig config;
        try {
            config = workbench.runnableConfig();
            if (!config.remedies().any()) {
                throw new CounterweightException("Nothing to compare: switch on the sampler (Sampler tab) or an augmentation"
                        + " (Augmentation tab) for the improved run first");
            }
        } catch (CounterweightException e) {
            errors.report(e);
            return;
        }
        ExperimentConfig base = config.asBaseline();
        ExperimentConfig better = config.toBuilder().label("improved").build();
        TrainingControl c = new TrainingControl();
        control = c;
        setRuns(List.of());
        begin("Training the baseline …");
        // Two chained jobs, so the baseline's curves and matrix show while the improved run trains.
        job = trainJob(data, base, c, 0)
                .onSuccess(first -> {
                    setRuns(List.of(first));
                    if (c.isCancelled()) {
                        end();
                        status.set("Stopped before the improved run");
                        return;
                    }
                    job = trainJob(data, better, c, 1)
                            .onDone(this::end)
                            .onSuccess(second -> {
                                setRuns(List.of(first, second));
                                status.set("Compared the baseline with improved = " + RemediesText.of(better.remedies())
                                        + (second.result().cancelled() ? " (the improved run was stopped early)" : ""));
                            })
                            .onFailure(errors::report)
                            .executeWith(executor);
                })
                .onFailure(e -> {
                    end();
                    errors.report(e);
                })
                .executeWith(executor);
    }

    private BackgroundJob<ComparedRun> trainJob(Dataset data, ExperimentConfig config, TrainingControl c, int run) {
        TrainingService training = workbench.services().training();
        int epochs = config.recipe().epochs();
        return BackgroundJob.of("Training the " + config.label() + " run", ctx -> {
                    List<EpochView> views = new ArrayList<>(); // filled on this worker thread only
                    RunResult result = training.train(data, config, e -> {
                        report(ctx, e, run, epochs);
                        if (e instanceof TrainingEvent.EpochDone d) {
                            views.add(new EpochView(d.epoch(), data.classNames(), d.confusion(), d.report()));
                        }
                    }, c);
                    return new ComparedRun(config.label(), result, data.trainCounts(), views);
                })
                .onProgress(this::progress);
    }

    private static void report(JobContext ctx, TrainingEvent e, int run, int epochs) {
        if (e instanceof TrainingEvent.BatchDone b) {
            long done = (long) run * epochs * b.batchesPerEpoch() + (long) (b.epoch() - 1) * b.batchesPerEpoch() + b.batch();
            ctx.update((run == 0 ? "baseline" : "improved") + ": epoch " + b.epoch() + " / " + epochs,
                    done, 2L * epochs * b.batchesPerEpoch());
        }
    }

    /** Sets the Sampler and Augmentation tabs to the study's remedies: sampler on, all four transforms at p = 0.3. */
    public void useStudyRemedies() {
        if (workbench.busyProperty().get()) return;
        workbench.samplerProperty().set(true);
        workbench.augmentProperty().set(io.counterweight.core.augment.AugmentConfig.study());
    }

    /** Lists the workspace's runs for the chooser, off the FX thread. */
    public void refreshHistory() {
        RunHistoryService h = workbench.services().runs();
        BackgroundJob.of("Listing the run history", ctx -> h.list())
                .quiet()
                .onSuccess(history::setAll)
                .onFailure(e -> status.set("Cannot list the run history: " + ErrorReporter.userMessage(e)))
                .executeWith(executor);
    }

    /** Compares two or more run folders (from the history or chosen on disk), the first the reference. */
    public void open(List<Path> folders) {
        if (running.get() || folders == null) return;
        if (folders.size() < 2) {
            status.set("Choose at least two runs to compare");
            return;
        }
        RunHistoryService h = workbench.services().runs();
        begin("Reading " + folders.size() + " run folders …");
        job = BackgroundJob.of("Opening run folders", ctx -> {
                    List<ComparedRun> out = new ArrayList<>();
                    for (Path dir : folders) out.add(read(h, dir));
                    return out;
                })
                .onDone(this::end)
                .onSuccess(list -> {
                    setRuns(list);
                    status.set("Compared " + list.size() + " runs; the first, '" + list.get(0).name() + "', is the reference");
                })
                .executeWith(executor);
    }

    /** Two run folders, as the "Open run folders…" dialogs choose them. */
    public void open(Path baselineFolder, Path improvedFolder) {
        if (baselineFolder != null && improvedFolder != null) open(List.of(baselineFolder, improvedFolder));
    }

    /** A run folder with every epoch's matrix; runs on a worker thread. */
    private static ComparedRun read(RunHistoryService h, Path dir) {
        ReopenedRun r = h.open(dir);
        if (r.result() == null) throw new CounterweightException(dir.getFileName() + ": " + r.problem());
        int[] counts = r.provenance() == null ? null : r.provenance().trainCountArray();
        List<EpochView> views = new ArrayList<>();
        for (int e = 1; e <= r.result().epochsDone(); e++) views.add(h.epoch(dir, e, counts));
        return new ComparedRun(r.result().config().label(), r.result(), counts, views);
    }

    private void setRuns(List<ComparedRun> list) {
        List<ComparedRun> named = uniqueNames(list);
        runs.setAll(named);
        perClass.clear(); // new rows: names, training counts and groups may differ
        baseline.set(named.isEmpty() ? null : named.get(0).result());
        improved.set(named.size() < 2 ? null : named.get(1).result());
        if (named.size() >= 2) rows.setAll(workbench.services().training().compare(baseline.get(), improved.get()));
        else rows.clear();
        int max = Math.max(1, named.stream().mapToInt(ComparedRun::epochCount).max().orElse(1));
        maxEpoch.set(max);
        if (epoch.get() == max) showEpoch();
        else epoch.set(max); // opens on the last epoch, like the Runs tab
    }

    /** "baseline", "improved", and "improved #2" for a second run of the same label. */
    private static List<ComparedRun> uniqueNames(List<ComparedRun> list) {
        Map<String, Integer> seen = new HashMap<>();
        List<ComparedRun> out = new ArrayList<>();
        for (ComparedRun r : list) {
            int n = seen.merge(r.name(), 1, Integer::sum);
            out.add(n == 1 ? r : r.named(r.name() + " #" + n));
        }
        return out;
    }

    private void showEpoch() {
        int e = Math.max(1, Math.min(epoch.get(), maxEpoch.get()));
        List<EpochView> views = new ArrayList<>();
        for (ComparedRun r : runs) views.add(r.at(e));
        shown.setAll(views);
        showPerClass(views);
        ConfusionDifference d = null;
        List<ClassChange> changes = List.of();
        String problem = "";
        if (views.size() >= 2 && views.get(0) != null && views.get(1) != null) {
            EpochView a = views.get(0), b = views.get(1);
            try {
                d = ConfusionDifference.of(a.matrix(), b.matrix());
                changes = ClassChange.of(a.report(), b.report(), trainCounts(runs.get(1), runs.get(0), a.matrix().numClasses()));
            } catch (IllegalArgumentException ex) {
                problem = "No difference map: " + ex.getMessage();
            }
        } else if (views.size() >= 2) {
            problem = "No difference map: a run has no completed epoch";
        }
        difference.set(d);
        classChanges.setAll(changes);
        differenceProblem.set(problem);
    }

    /** Updates the rows in place when they are for the same classes, so the table reuses its cells. */
    private void showPerClass(List<EpochView> views) {
        EpochView first = views.stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
        if (first == null) {
            perClass.clear();
            return;
        }
        int k = first.matrix().numClasses();
        if (perClass.size() != k) {
            perClass.setAll(perClassRows(first, k, views));
            return;
        }
        for (int c = 0; c < k; c++) perClass.get(c).show(metricsOf(c, k, views));
    }

    private List<PerClassRow> perClassRows(EpochView first, int k, List<EpochView> views) {
        int[] counts = runs.isEmpty() ? null : trainCounts(runs.get(runs.size() > 1 ? 1 : 0), runs.get(0), k);
        boolean known = runs.stream().anyMatch(r -> r.trainCounts() != null && r.trainCounts().length == k);
        List<PerClassRow> out = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            int n = known ? counts[c] : -1;
            out.add(new PerClassRow(c, first.classNames().get(c), n, known ? ClassGroup.of(n) : null, metricsOf(c, k, views)));
        }
        return out;
    }

    private static List<ClassMetrics> metricsOf(int c, int k, List<EpochView> views) {
        List<ClassMetrics> perRun = new ArrayList<>(views.size());
        for (EpochView v : views) perRun.add(v == null || v.report().perClass().size() != k ? null : v.report().perClass().get(c));
        return perRun;
    }

    /** The improved run's training counts, else the reference's; zeros when neither folder recorded them. */
    private static int[] trainCounts(ComparedRun improvedRun, ComparedRun reference, int k) {
        for (ComparedRun r : List.of(improvedRun, reference)) {
            if (r.trainCounts() != null && r.trainCounts().length == k) return r.trainCounts();
        }
        return new int[k];
    }

    public void stop() {
        if (control != null) control.cancel();
    }

    private void begin(String message) {
        running.set(true);
        workbench.busyProperty().set(true);
        progress.set(-1);
        status.set(message);
    }

    private void end() {
        running.set(false);
        workbench.busyProperty().set(false);
        progress.set(0);
    }

    /** Used while progress arrives from the job. */
    void progress(String message, double fraction) {
        if (message != null && !message.isBlank()) status.set(message);
        progress.set(fraction);
    }

    /** The table's footnote; the group thresholds are the report's, so they match the row names. */
    public String groupsHint() {
        return "Head, medium and tail group the classes by training images: "
                + String.join(", ", ClassificationReport.groupLabels()) + ". Changes of accuracies are in percentage"
                + " points (pp); a positive change means the remedies helped.";
    }

    /** Writes the compared runs as one HTML report (the first the reference) to {@code file}, off the FX thread. */
    public void exportReport(Path file) {
        List<Path> dirs = runs.stream().map(ComparedRun::runDir).filter(java.util.Objects::nonNull).toList();
        if (dirs.size() < 2 || file == null) return;
        var export = workbench.services().export();
        BackgroundJob.of("Writing " + file.getFileName(), ctx -> export.report(dirs, file))
                .onSuccess(f -> status.set("Wrote the comparison report " + f))
                .onFailure(e -> {
                    status.set("No report written");
                    errors.report(e);
                })
                .executeWith(executor);
    }

    /** The runs compared, in order; the first is the reference (baseline), colours follow this order. */
    public ObservableList<ComparedRun> runs() { return runs; }

    /**
     * The images behind run {@code index}'s heatmap for a drill-down: its predictions files and its data
     * loaded again from the run folder (every compared run has one, those trained here too); null when
     * there is no such run.
     */
    public CellSource cellSource(int index) {
        if (index < 0 || index >= runs.size() || runs.get(index).runDir() == null) return null;
        Path dir = runs.get(index).runDir();
        RunHistoryService h = workbench.services().runs();
        return new CellSource() {
            @Override public Predictions predictions(int epoch) { return h.predictions(dir, epoch); }
            @Override public ImageSplit testImages(Progress progress) { return h.testImages(dir, progress); }
            @Override public String cacheKey() { return dir.toAbsolutePath().toString(); }
        };
    }
    /** Each run's epoch at the scrubber (its last when it has fewer; null when it has none), in run order. */
    public ObservableList<EpochView> shown() { return shown; }
    /** Second run minus first at the scrubber's epoch; null with fewer than two runs or incompatible ones. */
    public ReadOnlyObjectProperty<ConfusionDifference> differenceProperty() { return difference.getReadOnlyProperty(); }
    /** Why there is no difference map although runs are compared; empty otherwise. */
    public ReadOnlyStringProperty differenceProblemProperty() { return differenceProblem.getReadOnlyProperty(); }
    /** Per class (in class-id order) each run's precision, recall and F1 at the scrubber's epoch. */
    public ObservableList<PerClassRow> perClass() { return perClass; }
    /** Per class, the second run's recall and F1 minus the first's, largest training set first. */
    public ObservableList<ClassChange> classChanges() { return classChanges; }
    /** The scrubber's epoch, 1 … {@link #maxEpochProperty()}. */
    public IntegerProperty epochProperty() { return epoch; }
    public ReadOnlyIntegerProperty maxEpochProperty() { return maxEpoch.getReadOnlyProperty(); }
    /** Heatmaps in shares per true class (remembered across sessions) or in counts. */
    public BooleanProperty normalisedProperty() { return normalised; }
    /** What "Train baseline + improved" will train, in words, following the Sampler and Augmentation tabs. */
    public StringBinding planProperty() { return plan; }
    public ObservableList<Comparison.Row> rows() { return rows; }
    public ObservableList<RunSummary> history() { return history; }
    public ReadOnlyObjectProperty<RunResult> baselineProperty() { return baseline.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<RunResult> improvedProperty() { return improved.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public Workbench workbench() { return workbench; }
}
