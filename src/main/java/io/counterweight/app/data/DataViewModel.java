package io.counterweight.app.data;

import io.counterweight.app.Workbench;
import io.counterweight.app.common.BackgroundJob;
import io.counterweight.app.common.ErrorReporter;
import io.counterweight.app.common.JobHandle;
import io.counterweight.app.common.TaskExecutor;
import io.counterweight.core.CounterweightException;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.data.DatasetFormat;
import io.counterweight.core.experiment.ExperimentConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the Data screen: loading (with progress and cancel), recent folders, the per-class
 * rows behind the histogram and the count/weight table, and the long-tail inputs (which live in
 * the shared {@link Workbench} because training uses them too).
 */
public final class DataViewModel {
    /** The study's imbalance ratios, plus 1 (as loaded). */
    public static final List<Double> PRESETS = List.of(1.0, 0.1, 0.02, 0.005);
    /** The slider runs over log10(u) from this value to 0 (u from 0.001 to 1). */
    public static final double MIN_LOG_IMBALANCE = -3;

    private final Workbench workbench;
    private final TaskExecutor executor;
    private final RecentFolders recent;
    private final ErrorReporter errors;

    private final ObservableList<ClassRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> recentFolders = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressMessage = new ReadOnlyStringWrapper(this, "progressMessage", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper tailSummary = new ReadOnlyStringWrapper(this, "tailSummary", "");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper(this, "notes", "");
    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", false);
    private final StringProperty perClassText = new SimpleStringProperty(this, "perClassText", "");
    private final ReadOnlyStringWrapper perClassError = new ReadOnlyStringWrapper(this, "perClassError", "");
    private JobHandle loadJob = JobHandle.NONE;
    private int generation;

    public DataViewModel(Workbench workbench, TaskExecutor executor, RecentFolders recent, ErrorReporter errors) {
        this.workbench = workbench;
        this.executor = executor;
        this.recent = recent;
        this.errors = errors;
        recentFolders.setAll(recent.list());
        workbench.selectedProperty().addListener(x -> refresh());
        workbench.classWeightsProperty().addListener(x -> refresh());
        // the workbench drops the counts when the classes or the data set change: show that in the field
        workbench.perClassProperty().addListener((o, a, counts) -> {
            perClassText.set(PerClassCounts.format(counts));
            perClassError.set("");
        });
        refresh();
    }

    /**
     * Takes the per-class text as exact training counts (blank = as loaded), or says why not and keeps the
     * selection as it was.
     *
     * @return whether the counts were taken
     */
    public boolean applyPerClass() {
        Dataset loaded = workbench.loaded();
        if (loaded == null) {
            perClassError.set("Load a data set first");
            return false;
        }
        int k = workbench.classesProperty().get();
        int inPlay = k == 0 || k >= loaded.numClasses() ? loaded.numClasses() : k;
        int[] available = java.util.Arrays.copyOf(loaded.trainCounts(), inPlay);
        try {
            List<Integer> counts = PerClassCounts.parse(perClassText.get(), available, loaded.classNames(),
                    workbench.imbalanceProperty().get(), workbench.maxPerClassProperty().get());
            perClassError.set("");
            workbench.perClassProperty().set(counts);
            perClassText.set(PerClassCounts.format(counts));
            return true;
        } catch (CounterweightException e) {
            perClassError.set(e.getMessage());
            return false;
        }
    }

    /** Generates the built-in demo set (quick, but still off the FX thread). */
    public void loadDemo() {
        if (refusedWhileBusy()) return;
        long seed = workbench.seedProperty().get();
        start("Generating the demo data set", ctx -> workbench.services().data().demo(seed), "demo");
    }

    /** Loads a folder (or file) in any supported format, detected automatically. */
    public void open(Path folder) {
        if (folder == null || refusedWhileBusy()) return;
        String source = folder.toAbsolutePath().toString();
        long seed = workbench.seedProperty().get();
        start("Loading " + folder.getFileName(),
                ctx -> workbench.services().data().load(source, DatasetFormat.AUTO, seed, ctx), source);
    }

    private void start(String title, BackgroundJob.Work<Dataset> work, String source) {
        if (loading.get()) loadJob.cancel();
        int mine = ++generation; // a replaced load's late callbacks must not touch the new one's state
        loading.set(true);
        progress.set(-1);
        progressMessage.set(title + " …");
        loadJob = BackgroundJob.of(title, work)
                .onProgress((message, fraction) -> {
                    if (mine != generation) return;
                    if (message != null && !message.isBlank()) progressMessage.set(message);
                    progress.set(fraction);
                })
                .onDone(() -> { if (mine == generation) loading.set(false); })
                .onSuccess(d -> {
                    progressMessage.set("");
                    if (refusedWhileBusy()) return; // a run started on the previous data set meanwhile
                    workbench.setLoaded(d, source);
                    if (!ExperimentConfig.DEMO.equals(source)) recentFolders.setAll(recent.add(source));
                })
                .onCancelled(() -> { if (mine == generation) progressMessage.set("Loading cancelled"); })
                .executeWith(executor);
    }

    /**
     * Every entry that changes the data set (open, recent folders, drag-and-drop, demo) and every load
     * that ends goes through here: while a run trains, its data set must stay, so the change is refused.
     */
    private boolean refusedWhileBusy() {
        if (!workbench.busyProperty().get()) return false;
        errors.report(new CounterweightException(
                "A run is training: the data set can change when it ends (stop it on the Training or Compare tab)"));
        return true;
    }

    public void cancelLoad() {
        loadJob.cancel();
    }

    /** Sets the imbalance from the slider (log10 scale), rounded to 3 significant digits. */
    public void setImbalanceFromSlider(double log10) {
        double u = Math.pow(10, Math.max(MIN_LOG_IMBALANCE, Math.min(0, log10)));
        double rounded = Double.parseDouble(String.format(Locale.ROOT, "%.3g", u));
        if (rounded != workbench.imbalanceProperty().get()) workbench.imbalanceProperty().set(rounded);
    }

    public void applyPreset(double u) {
        workbench.imbalanceProperty().set(u);
    }

    private void refresh() {
        Dataset loaded = workbench.loaded();
        Dataset selected = workbench.selected();
        if (loaded == null || selected == null) {
            rows.clear();
            summary.set("No data set loaded");
            notes.set("");
            tailSummary.set("");
            return;
        }
        int[] all = loaded.trainCounts();
        int[] kept = selected.trainCounts();
        double[] w = workbench.classWeightsProperty().get();
        List<ClassRow> list = new ArrayList<>(kept.length);
        for (int c = 0; c < kept.length; c++) {
            list.add(new ClassRow(c, selected.classNames().get(c), all[c], kept[c], c < w.length ? w[c] : 0));
        }
        rows.setAll(list);
        summary.set(String.format(Locale.ROOT, "%s · %s · %d classes · %s · %,d train / %,d test images",
                loaded.name(), loaded.format().id(), selected.numClasses(), selected.shape(),
                selected.train().size(), selected.test().size()));
        tailSummary.set(tail(loaded, selected, kept));
        StringBuilder sb = new StringBuilder();
        // Notes come from the core (e.g. the IDC patient split); sorted, because their map has no order.
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(selected.notes()).entrySet()) {
            if (sb.length() > 0) sb.append('\n');
            sb.append(e.getKey().replace('_', ' ')).append(": ").append(e.getValue());
        }
        notes.set(sb.toString());
    }

    /** e.g. "Keeps 9,830 of 25,000 training images · largest class 500, smallest 50 (10 : 1)". */
    static String tail(Dataset loaded, Dataset selected, int[] kept) {
        int max = 0, min = Integer.MAX_VALUE;
        for (int k : kept) {
            max = Math.max(max, k);
            min = Math.min(min, k);
        }
        String ratio = min == 0 ? "a class is empty" : String.format(Locale.ROOT, "%.3g : 1", (double) max / min);
        return String.format(Locale.ROOT, "Keeps %,d of %,d training images · largest class %,d, smallest %,d (%s)",
                selected.train().size(), loaded.train().size(), max, min == Integer.MAX_VALUE ? 0 : min, ratio);
    }

    public Workbench workbench() { return workbench; }
    public ReadOnlyStringProperty tailSummaryProperty() { return tailSummary.getReadOnlyProperty(); }
    public ObservableList<ClassRow> rows() { return rows; }
    public ObservableList<String> recentFolders() { return recentFolders; }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty progressMessageProperty() { return progressMessage.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty notesProperty() { return notes.getReadOnlyProperty(); }
    public BooleanProperty logScaleProperty() { return logScale; }
    public DoubleProperty imbalanceProperty() { return workbench.imbalanceProperty(); }
    /** What the user typed as exact counts per class, e.g. "772, 76"; taken by {@link #applyPerClass()}. */
    public StringProperty perClassTextProperty() { return perClassText; }
    /** Why the last per-class text was refused; empty when it was taken. */
    public ReadOnlyStringProperty perClassErrorProperty() { return perClassError.getReadOnlyProperty(); }
    /** The counts in effect (empty = none): the long tail and n_max are off while they are set. */
    public ObjectProperty<List<Integer>> perClassProperty() { return workbench.perClassProperty(); }
    /** n_max, the most training images any class keeps (0 = as loaded). */
    public IntegerProperty maxPerClassProperty() { return workbench.maxPerClassProperty(); }
}
