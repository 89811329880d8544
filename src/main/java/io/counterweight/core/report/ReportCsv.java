package io.counterweight.core.report;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.experiment.MetricsCsv;
import io.counterweight.core.metrics.ClassMetrics;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The report's numbers as CSV, through Tablesaw like {@code metrics.csv}, for a spreadsheet or pandas:
 * the per-epoch metrics of several runs in one long table, and the last epoch's per-class table. Both
 * start with a {@code run} column (the run's name in the report), so tables of several runs stack.
 * Missing values (NaN, a count not recorded) are empty cells.
 */
public final class ReportCsv {
    public static final String METRICS = "metrics.csv";
    public static final String PER_CLASS = "per_class.csv";
    public static final List<String> PER_CLASS_COLUMNS =
            List.of("run", "class", "train_count", "test_support", "precision", "recall", "f1");

    private ReportCsv() { }

    /** {@code run} followed by the columns of {@code metrics.csv}, one row per run and epoch. */
    public static Table metrics(List<ReportedRun> runs) {
        Table all = null;
        for (ReportedRun r : runs) {
            Table t = MetricsCsv.toTable(r.history());
            t.insertColumn(0, StringColumn.create("run", java.util.Collections.nCopies(t.rowCount(), r.name())));
            if (all == null) all = t; else all.append(t);
        }
        if (all == null) all = MetricsCsv.toTable(List.of());
        return all.setName("metrics");
    }

    /** Per class of each run's last epoch: name, training images, test images, precision, recall, F1. */
    public static Table perClass(List<ReportedRun> runs) {
        StringColumn run = StringColumn.create("run"), name = StringColumn.create("class");
        IntColumn train = IntColumn.create("train_count"), support = IntColumn.create("test_support");
        DoubleColumn precision = DoubleColumn.create("precision"), recall = DoubleColumn.create("recall"),
                f1 = DoubleColumn.create("f1");
        for (ReportedRun r : runs) {
            if (r.result().report() == null) continue;
            List<ClassMetrics> classes = r.result().report().perClass();
            List<Integer> counts = r.trainCounts();
            for (int c = 0; c < classes.size(); c++) {
                ClassMetrics m = classes.get(c);
                run.append(r.name());
                name.append(m.name());
                if (c < counts.size()) train.append(counts.get(c)); else train.appendMissing();
                support.append((int) m.support());
                precision.append(m.precision());
                recall.append(m.recall());
                f1.append(m.f1());
            }
        }
        return Table.create("per_class", run, name, train, support, precision, recall, f1);
    }

    /** Writes {@link #METRICS} and {@link #PER_CLASS} into {@code dir} (created if needed); returns both paths. */
    public static List<Path> writeAll(Path dir, List<ReportedRun> runs) {
        Path m = dir.resolve(METRICS), p = dir.resolve(PER_CLASS);
        write(m, metrics(runs));
        write(p, perClass(runs));
        return List.of(m, p);
    }

    /** A table as CSV, via a temporary file and an atomic move. */
    public static void write(Path file, Table table) {
        try {
            StringWriter out = new StringWriter();
            table.write().csv(out);
            AtomicFiles.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new CounterweightException(file + ": cannot write CSV (" + e.getMessage() + ")", e);
        }
    }
}
