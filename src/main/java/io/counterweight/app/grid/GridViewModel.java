package io.counterweight.app.grid;

import io.counterweight.app.Workbench;
import io.counterweight.app.common.BackgroundJob;
import io.counterweight.app.common.ErrorReporter;
import io.counterweight.app.common.JobHandle;
import io.counterweight.app.common.TaskExecutor;
import io.counterweight.app.common.Throttler;
import io.counterweight.app.common.UiScheduler;
import io.counterweight.app.runs.ExportDestinations;
import io.counterweight.app.services.GridService;
import io.counterweight.core.CounterweightException;
import io.counterweight.core.Durations;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.grid.GridCell;
import io.counterweight.core.experiment.grid.GridEvent;
import io.counterweight.core.experiment.grid.GridPlan;
import io.counterweight.core.report.GridTable;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * State of the Grid screen. Set up: remedies (checked), imbalance ratios (typed, validated), seeds; data and
 * recipe come from the shared {@link Workbench}. Start runs the grid in one background job; its events reach
 * the FX thread through a {@link Throttler} (the core reports progress after every batch) and update the queue,
 * the progress and the ETA. Cancel stops the training cell at its next batch; the finished cells stay, and
 * starting the same grid again skips them (the core matches cells to their run folders). When the job ends
 * the outcome is authoritative: queue, table, charts and gains are set from it.
 */
public final class GridViewModel {
    /** One remedy offered, checked or not. */
    public static final class RemedyChoice {
        private final String name;
        private final String description;
        private final BooleanProperty selected;

        RemedyChoice(String name, String description, boolean selected) {
            this.name = name;
            this.description = description;
            this.selected = new SimpleBooleanProperty(this, "selected", selected);
        }

        public String name() { return name; }
        public String description() { return description; }
        public BooleanProperty selectedProperty() { return selected; }
    }

    /** The CLI's default: the study's two remedies apart and together, against the baseline. */
    static final List<String> DEFAULT_REMEDIES = List.of("baseline", "sampler", "augment", "sampler+augment");

    private final Workbench workbench;
    private final GridService grids;
    private final TaskExecutor executor;
    private final UiScheduler scheduler;
    private final ErrorReporter errors;

    private final List<RemedyChoice> remedies = new ArrayList<>();
    private final StringProperty ratios = new SimpleStringProperty(this, "ratios", "1");
    private final IntegerProperty seeds = new SimpleIntegerProperty(this, "seeds", 2);
    private final ReadOnlyStringWrapper setupProblem = new ReadOnlyStringWrapper(this, "setupProblem", "");
    private final ReadOnlyStringWrapper setupSummary = new ReadOnlyStringWrapper(this, "setupSummary", "");

    private final ObservableList<QueueRow> queue = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(this, "cancelling");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper eta = new ReadOnlyStringWrapper(this, "eta", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Choose remedies, ratios and seeds, then Start. Data and recipe: the Data and Training tabs' current settings.");

    private final ObservableList<List<String>> summary = FXCollections.observableArrayList();
    private final ObservableList<GainRow> gains = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<GridTable> table = new ReadOnlyObjectWrapper<>(this, "table");
    private final ReadOnlyObjectWrapper<byte[]> macroF1Chart = new ReadOnlyObjectWrapper<>(this, "macroF1Chart");
    private final ReadOnlyObjectWrapper<byte[]> balancedChart = new ReadOnlyObjectWrapper<>(this, "balancedChart");
    private final ReadOnlyObjectWrapper<Path> gridDir = new ReadOnlyObjectWrapper<>(this, "gridDir");
    private final ObjectProperty<ExportDestinations> destinations = new SimpleObjectProperty<>(this, "destinations", ExportDestinations.NONE);

    private TrainingControl control;
    private JobHandle job = JobHandle.NONE;
    private int generation; // events of an ended grid that arrive late through the throttler are dropped
    private GridPlan plan;

    public GridViewModel(Workbench workbench, GridService grids, TaskExecutor executor, UiScheduler scheduler, ErrorReporter errors) {
        this.workbench = workbench;
        this.grids = grids;
        this.executor = executor;
        this.scheduler = scheduler;
        this.errors = errors;
        for (GridService.RemedyOption o : grids.remedies()) {
            RemedyChoice c = new RemedyChoice(o.name(), o.description(), DEFAULT_REMEDIES.contains(o.name()));
            c.selectedProperty().addListener(x -> revalidate());
            remedies.add(c);
        }
        ratios.addListener(x -> revalidate());
        seeds.addListener(x -> revalidate());
        revalidate();
    }

    /**
     * "0.1, 0.02, 0.005" (commas or spaces) as ratios; blank: none (the Data tab's u).
     *
     * @throws CounterweightException naming the first value that is no ratio in (0, 1]
     */
    public static List<Double> parseRatios(String text) {
        List<Double> out = new ArrayList<>();
        if (text == null || text.isBlank()) return out;
        for (String part : text.trim().split("[,;\\s]+")) {
            if (part.isEmpty()) continue;
            double u;
            try {
                u = Double.parseDouble(part);
            } catch (NumberFormatException e) {
                throw new CounterweightException("Imbalance ratios: '" + part + "' is not a number");
            }
            if (!(u > 0 && u <= 1)) throw new CounterweightException("Imbalance ratios: " + part + " is not in (0, 1]");
            if (out.contains(u)) throw new CounterweightException("Imbalance ratios: " + part + " is given twice");
            out.add(u);
        }
        return out;
    }

    private void revalidate() {
        List<String> chosen = chosenRemedies();
        String problem = "";
        int nRatios = 1;
        try {
            nRatios = Math.max(1, parseRatios(ratios.get()).size());
        } catch (CounterweightException e) {
            problem = e.getMessage();
        }
        if (problem.isEmpty() && chosen.isEmpty()) problem = "Choose at least one remedy";
        if (problem.isEmpty() && (seeds.get() < 1 || seeds.get() > GridPlan.MAX_SEEDS)) {
            problem = "Seeds must be in 1.." + GridPlan.MAX_SEEDS;
        }
        setupProblem.set(problem);
        setupSummary.set(problem.isEmpty() ? String.format(Locale.ROOT, "%d remed%s × %d ratio%s × %d seed%s = %d cells",
                chosen.size(), chosen.size() == 1 ? "y" : "ies", nRatios, nRatios == 1 ? "" : "s",
                seeds.get(), seeds.get() == 1 ? "" : "s", chosen.size() * nRatios * seeds.get()) : "");
    }

    public List<String> chosenRemedies() {
        return remedies.stream().filter(r -> r.selectedProperty().get()).map(RemedyChoice::name).toList();
    }

    /** The recipe every cell trains with, from the Training tab: "mlp · 3 epochs · batch 32 · lr 0.01". */
    public String recipeText() {
        return String.format(Locale.ROOT, "%s · %d epoch%s · batch %d · lr %s", workbench.modelProperty().get(),
                workbench.epochsProperty().get(), workbench.epochsProperty().get() == 1 ? "" : "s",
                workbench.batchProperty().get(), workbench.learningRateProperty().get());
    }

    /** Plans the grid and starts it; the same settings as an earlier start resume that grid. */
    public void start() {
        if (running.get() || workbench.busyProperty().get()) return;
        if (!setupProblem.get().isEmpty()) {
            errors.report(new CounterweightException(setupProblem.get()));
            return;
        }
        GridPlan p;
        try {
            ExperimentConfig base = workbench.runnableConfig();
            p = grids.plan(base, chosenRemedies(), parseRatios(ratios.get()), seeds.get());
        } catch (CounterweightException e) {
            errors.report(e);
            return;
        }
        plan = p;
        int gen = ++generation;
        queue.setAll(p.cells().stream().map(c -> new QueueRow(c.index(), c.remedy(), GridCell.ratio(c.imbalance()), c.seed(),
                "waiting")).toList());
        clearResult();
        TrainingControl c = new TrainingControl();
        control = c;
        running.set(true);
        cancelling.set(false);
        workbench.busyProperty().set(true);
        progress.set(0);
        eta.set("ETA " + Durations.UNKNOWN);
        status.set("Grid " + p.name() + ": " + p.cells().size() + " cells");
        Throttler<GridEvent> throttler = new Throttler<>(Throttler.DEFAULT_INTERVAL_MILLIS, scheduler, batch -> {
            if (gen == generation && running.get()) apply(batch);
        });
        job = BackgroundJob.of("Grid " + p.name(), ctx -> grids.run(p, e -> {
                    throttler.offer(e);
                    // the status bar's line and bar (a javafx Task coalesces these updates itself)
                    if (e instanceof GridEvent.Progress pr) {
                        ctx.update("Grid: " + pr.cellsDone() + " / " + pr.cellsTotal() + " cells", Math.round(1000 * pr.fraction()), 1000);
                    }
                }, c, ctx))
                .onDone(this::end)
                .onSuccess(this::show)
                .onFailure(e -> {
                    status.set("The grid stopped with an error: " + ErrorReporter.userMessage(e));
                    errors.report(e);
                })
                .executeWith(executor);
    }

    /** Stops the training cell at its next batch; finished cells stay and a later start resumes. */
    public void cancel() {
        if (!running.get() || control == null) return;
        control.cancel();
        cancelling.set(true);
        status.set("Stopping after the current batch …");
    }

    private void end() {
        generation++;
        running.set(false);
        workbench.busyProperty().set(false);
    }

    /** Applies a throttled batch of events, in order; the training cell's status is set once per batch. */
    void apply(List<GridEvent> events) {
        Map<Integer, String> training = new LinkedHashMap<>();
        for (GridEvent e : events) {
            if (e instanceof GridEvent.Started s) {
                status.set("Grid " + s.plan().name() + ": " + s.plan().cells().size() + " cells, "
                        + s.alreadyDone() + " finished before (skipped)");
            } else if (e instanceof GridEvent.CellSkipped s) {
                setRow(s.state().cell().index(), "skipped · " + statusWord(s.state().status()) + " before");
            } else if (e instanceof GridEvent.CellStarted s) {
                training.remove(s.cell().index());
                setRow(s.cell().index(), s.resumedFrom() == null ? "training" : "training · resumed from its checkpoint");
                status.set("Training " + s.cell().label());
            } else if (e instanceof GridEvent.CellTraining t) {
                int epochs = t.cell().config().recipe().epochs();
                if (t.event() instanceof TrainingEvent.BatchDone b) {
                    training.put(t.cell().index(), String.format(Locale.ROOT, "training · epoch %d / %d · %d %%", b.epoch(), epochs,
                            Math.round(100.0 * b.batch() / b.batchesPerEpoch())));
                } else if (t.event() instanceof TrainingEvent.EpochDone d) {
                    training.put(t.cell().index(), String.format(Locale.ROOT, "training · epoch %d / %d done · macro-F1 %.3f",
                            d.epoch(), epochs, d.report().macroF1()));
                }
            } else if (e instanceof GridEvent.CellFinished f) {
                training.remove(f.cell().index());
                setRow(f.cell().index(), f.error() != null ? "failed · " + f.error()
                        : f.result().cancelled() ? "stopped · resumes on the next start"
                        : finishedText(f.result().report() == null ? Double.NaN : f.result().report().macroF1()));
            } else if (e instanceof GridEvent.Progress p) {
                progress.set(p.fraction());
                eta.set(etaText(p.cellsDone(), p.cellsTotal(), p.etaSeconds()));
            }
        }
        training.forEach(this::setRow);
    }

    static String etaText(int done, int total, double seconds) {
        return done + " / " + total + " cells · ETA " + Durations.clock(seconds);
    }

    private static String finishedText(double macroF1) {
        return Double.isFinite(macroF1) ? String.format(Locale.ROOT, "finished · macro-F1 %.3f", macroF1) : "finished";
    }

    private static String statusWord(io.counterweight.core.experiment.RunStatus s) {
        return s == null ? "done" : s.name().toLowerCase(Locale.ROOT);
    }

    private void setRow(int index, String text) {
        if (index < 1 || index > queue.size()) return;
        QueueRow r = queue.get(index - 1);
        if (!r.status().equals(text)) queue.set(index - 1, r.withStatus(text));
    }

    /** The outcome of the grid's job: queue, table, gains and charts from the run folders as they stand. */
    private void show(GridService.GridOutcome outcome) {
        Table t = outcome.table().cells();
        Map<String, Integer> rowOf = new HashMap<>(); // row numbers: a Tablesaw Row is a cursor, not a value to keep
        for (int i = 0; i < t.rowCount(); i++) {
            rowOf.put(key(t.stringColumn("remedy").get(i), t.doubleColumn("imbalance").getDouble(i), t.longColumn("seed").getLong(i)), i);
        }
        int finished = 0;
        for (GridCell c : plan.cells()) {
            Integer row = rowOf.get(key(c.remedy(), c.imbalance(), c.seed()));
            String state = row == null ? "pending" : t.stringColumn("status").get(row);
            String text;
            if ("finished".equals(state)) {
                finished++;
                text = finishedText(t.doubleColumn("macro_f1").getDouble(row));
            } else if ("pending".equals(state)) {
                text = outcome.cancelled() ? "waiting · runs on the next start" : "not run";
            } else if ("stopped".equals(state) || "interrupted".equals(state)) {
                text = state + " · resumes on the next start";
            } else {
                text = state;
            }
            if (outcome.skippedCells().contains(c.index())) text = "skipped · " + text.replaceFirst("^finished · ", ""); // the status line says they finished before
            setRow(c.index(), text);
        }
        table.set(outcome.table());
        summary.setAll(outcome.table().summaryText());
        gains.setAll(gainRows(outcome.table()));
        macroF1Chart.set(outcome.macroF1Png());
        balancedChart.set(outcome.balancedAccuracyPng());
        gridDir.set(outcome.gridDir());
        if (!outcome.cancelled()) progress.set(1);
        eta.set(finished + " / " + plan.cells().size() + " cells finished");
        int skipped = outcome.skippedCells().size();
        status.set((outcome.cancelled() ? "Stopped: " + finished + " of " + plan.cells().size()
                + " cells finished; Start again with the same settings to resume. "
                : "Grid finished" + (skipped > 0 ? " (" + skipped + " cell" + (skipped == 1 ? "" : "s") + " finished before, skipped)" : "")
                + ". ") + "Folder: " + outcome.gridDir());
    }

    private static String key(String remedy, double u, long seed) {
        return remedy + "|" + u + "|" + seed;
    }

    static List<GainRow> gainRows(GridTable t) {
        List<GainRow> rows = new ArrayList<>();
        for (Row r : t.gains()) {
            rows.add(new GainRow(r.getString("remedy"), GridCell.ratio(r.getDouble("imbalance")), r.getString("class"), r.getInt("n"),
                    signed(r.getDouble("recall_gain")), signed(r.getDouble("f1_gain"))));
        }
        return rows;
    }

    private static String signed(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.3f", v) : "n/a";
    }

    private void clearResult() {
        table.set(null);
        summary.clear();
        gains.clear();
        macroF1Chart.set(null);
        balancedChart.set(null);
    }

    /** Writes the grid's files into a folder the destinations choose, off the FX thread. */
    public void export() {
        GridTable t = table.get();
        if (t == null) return;
        Path dir = destinations.get().folder("Export the grid's tables and charts");
        if (dir == null) return;
        String title = "Grid " + (plan == null ? "" : plan.name());
        BackgroundJob.of("Exporting the grid", ctx -> grids.export(t, title, dir))
                .onSuccess(files -> status.set("Wrote " + files.size() + " files to " + dir))
                .onFailure(e -> {
                    status.set("Nothing exported");
                    errors.report(e);
                })
                .executeWith(executor);
    }

    /** Window closed: stop the training cell (its run folder keeps the checkpoint). */
    public void shutdown() {
        if (control != null) control.cancel();
        job.cancel();
    }

    public List<RemedyChoice> remedies() { return remedies; }
    public StringProperty ratiosProperty() { return ratios; }
    public IntegerProperty seedsProperty() { return seeds; }
    public ReadOnlyStringProperty setupProblemProperty() { return setupProblem.getReadOnlyProperty(); }
    public ReadOnlyStringProperty setupSummaryProperty() { return setupSummary.getReadOnlyProperty(); }
    public ObservableList<QueueRow> queue() { return queue; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty cancellingProperty() { return cancelling.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty etaProperty() { return eta.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ObservableList<List<String>> summary() { return summary; }
    public ObservableList<GainRow> gains() { return gains; }
    public ReadOnlyObjectProperty<GridTable> tableProperty() { return table.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<byte[]> macroF1ChartProperty() { return macroF1Chart.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<byte[]> balancedChartProperty() { return balancedChart.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Path> gridDirProperty() { return gridDir.getReadOnlyProperty(); }
    public ObjectProperty<ExportDestinations> destinationsProperty() { return destinations; }
    public Workbench workbench() { return workbench; }

    /** The summary table's column titles (the CLI's). */
    public static List<String> summaryHead() { return GridTable.SUMMARY_HEAD; }
}
