package io.counterweight.core.report;

import io.counterweight.core.experiment.grid.GridCell;
import io.counterweight.core.experiment.grid.RemedyRegistry;
import io.counterweight.core.metrics.ClassMetrics;
import io.counterweight.core.metrics.ClassificationReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A grid's results as three Tablesaw tables. {@code cells}: one row per cell (remedy, imbalance, seed,
 * status, the six metrics of its last epoch, run_dir). {@code summary}: per (remedy, imbalance) the number
 * of finished seeds {@code n} and each metric's mean and <em>sample</em> standard deviation (divided by
 * n − 1); with n = 1 the standard deviation is undefined and left empty (NaN; null in JSON), never 0.
 * Only finished cells count. {@code gains}: per remedy other than baseline, imbalance and class, the mean
 * over seeds of (recall, F1 with the remedy) − (the baseline's, same seed), over the seeds where both
 * finished. Rows are ordered by u from large to small (the remedies of one ratio side by side, as in the
 * study's table), then as {@link RemedyRegistry#compareNames} orders remedies, so a local grid and a
 * collection of its run folders give identical tables.
 */
public record GridTable(Table cells, Table summary, Table gains) {

    /** The metrics summarised, by their JSON/CSV names. */
    public static final List<String> METRICS = List.of("accuracy", "macro_f1", "balanced_accuracy", "head_accuracy",
            "medium_accuracy", "tail_accuracy");
    private static final List<ToDoubleFunction<ClassificationReport>> VALUES = List.of(ClassificationReport::accuracy,
            ClassificationReport::macroF1, ClassificationReport::balancedAccuracy, ClassificationReport::headAccuracy,
            ClassificationReport::mediumAccuracy, ClassificationReport::tailAccuracy);

    public static GridTable of(List<GridRun> unordered) {
        List<GridRun> runs = unordered.stream().sorted(Comparator.comparing(GridRun::imbalance, Comparator.<Double>reverseOrder())
                .thenComparing(GridRun::remedy, RemedyRegistry::compareNames).thenComparingLong(GridRun::seed)).toList();
        Table cells = cells(runs);
        return new GridTable(cells, summary(runs, cells), gains(runs));
    }

    private static Table cells(List<GridRun> runs) {
        StringColumn remedy = StringColumn.create("remedy"), status = StringColumn.create("status"),
                dir = StringColumn.create("run_dir");
        DoubleColumn u = DoubleColumn.create("imbalance");
        LongColumn seed = LongColumn.create("seed");
        List<DoubleColumn> metrics = METRICS.stream().map(DoubleColumn::create).toList();
        for (GridRun r : runs) {
            remedy.append(r.remedy());
            u.append(r.imbalance());
            seed.append(r.seed());
            status.append(r.statusId());
            for (int m = 0; m < METRICS.size(); m++) {
                metrics.get(m).append(r.report() == null ? Double.NaN : VALUES.get(m).applyAsDouble(r.report()));
            }
            dir.append(r.runDir() == null ? "" : r.runDir().toString());
        }
        Table t = Table.create("cells", remedy, u, seed, status);
        metrics.forEach(t::addColumns);
        return t.addColumns(dir);
    }

    private static Table summary(List<GridRun> runs, Table cells) {
        StringColumn remedy = StringColumn.create("remedy");
        DoubleColumn u = DoubleColumn.create("imbalance");
        IntColumn n = IntColumn.create("n");
        List<DoubleColumn> stats = new ArrayList<>();
        for (String m : METRICS) {
            stats.add(DoubleColumn.create(m + "_mean"));
            stats.add(DoubleColumn.create(m + "_std"));
        }
        Table finished = cells.where(cells.stringColumn("status").isEqualTo("finished"));
        List<GridRun> groups = runs.stream().filter(distinctBy(r -> r.remedy() + "|" + r.imbalance())).toList();
        for (GridRun g : groups) {
            Table group = finished.where(finished.stringColumn("remedy").isEqualTo(g.remedy())
                    .and(finished.doubleColumn("imbalance").isEqualTo(g.imbalance())));
            remedy.append(g.remedy());
            u.append(g.imbalance());
            n.append(group.rowCount());
            for (int m = 0; m < METRICS.size(); m++) {
                DoubleColumn values = group.doubleColumn(METRICS.get(m)).removeMissing();
                stats.get(2 * m).append(values.isEmpty() ? Double.NaN : values.mean());
                stats.get(2 * m + 1).append(values.size() < 2 ? Double.NaN : values.standardDeviation());
            }
        }
        Table t = Table.create("summary", remedy, u, n);
        stats.forEach(t::addColumns);
        return t;
    }

    private static Table gains(List<GridRun> runs) {
        StringColumn remedy = StringColumn.create("remedy"), name = StringColumn.create("class");
        DoubleColumn u = DoubleColumn.create("imbalance");
        IntColumn classId = IntColumn.create("class_id"), n = IntColumn.create("n");
        List<String> valueNames = List.of("baseline_recall", "recall", "recall_gain", "baseline_f1", "f1", "f1_gain");
        List<DoubleColumn> values = valueNames.stream().map(DoubleColumn::create).toList();
        for (GridRun g : runs.stream().filter(distinctBy(r -> r.remedy() + "|" + r.imbalance())).toList()) {
            if (g.remedy().equals(RemedyRegistry.BASELINE)) continue;
            List<GridRun[]> pairs = new ArrayList<>();
            for (GridRun r : runs) {
                if (!r.finished() || !r.remedy().equals(g.remedy()) || r.imbalance() != g.imbalance()) continue;
                runs.stream().filter(b -> b.finished() && b.remedy().equals(RemedyRegistry.BASELINE)
                                && b.imbalance() == r.imbalance() && b.seed() == r.seed()
                                && b.report().perClass().size() == r.report().perClass().size())
                        .findFirst().ifPresent(b -> pairs.add(new GridRun[] {b, r}));
            }
            if (pairs.isEmpty()) continue;
            int classes = pairs.get(0)[0].report().perClass().size();
            for (int c = 0; c < classes; c++) {
                double[] sums = new double[6];
                for (GridRun[] p : pairs) {
                    ClassMetrics b = p[0].report().perClass().get(c), r = p[1].report().perClass().get(c);
                    double[] v = {b.recall(), r.recall(), r.recall() - b.recall(), b.f1(), r.f1(), r.f1() - b.f1()};
                    for (int k = 0; k < 6; k++) sums[k] += v[k];
                }
                remedy.append(g.remedy());
                u.append(g.imbalance());
                classId.append(c);
                name.append(pairs.get(0)[0].report().perClass().get(c).name());
                n.append(pairs.size());
                for (int k = 0; k < 6; k++) values.get(k).append(sums[k] / pairs.size());
            }
        }
        Table t = Table.create("class_gains", remedy, u, classId, name, n);
        values.forEach(t::addColumns);
        return t;
    }

    private static <T> java.util.function.Predicate<T> distinctBy(java.util.function.Function<T, String> key) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return x -> seen.add(key.apply(x));
    }

    /** A table's rows as JSON objects: column name → value, NaN and empty text as null. */
    public static List<Map<String, Object>> jsonRows(Table t) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Row row : t) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Column<?> c : t.columns()) {
                Object v = c.get(row.getRowNumber());
                if (v instanceof Double d && !Double.isFinite(d)) v = null;
                if (v instanceof String s && s.isEmpty()) v = null;
                m.put(c.name(), v);
            }
            rows.add(m);
        }
        return rows;
    }

    /** "51.2 ± 1.3" (percent) or "0.503 ± 0.012" (macro-F1); the mean alone when n < 2; "n/a" without a mean. */
    public static String meanStd(double mean, double std, boolean percent) {
        if (!Double.isFinite(mean)) return "n/a";
        double k = percent ? 100 : 1;
        String f = percent ? "%.1f" : "%.3f";
        String m = String.format(Locale.ROOT, f, k * mean);
        return Double.isFinite(std) ? m + " ± " + String.format(Locale.ROOT, f, k * std) : m;
    }

    /** The summary as rows of text: remedy, u, n, then each metric as mean ± std (accuracies in %). */
    public List<List<String>> summaryText() {
        List<List<String>> rows = new ArrayList<>();
        for (Row r : summary) {
            List<String> row = new ArrayList<>(List.of(r.getString("remedy"), GridCell.ratio(r.getDouble("imbalance")),
                    String.valueOf(r.getInt("n"))));
            for (String m : METRICS) row.add(meanStd(r.getDouble(m + "_mean"), r.getDouble(m + "_std"), !m.equals("macro_f1")));
            rows.add(row);
        }
        return rows;
    }

    public static final List<String> SUMMARY_HEAD = List.of("remedy", "u", "n", "accuracy %", "macro-F1", "balanced acc. %",
            "head acc. %", "medium acc. %", "tail acc. %");

    /** The summary as an aligned plain-text table (the CLI's output). */
    public String toText() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(SUMMARY_HEAD);
        rows.addAll(summaryText());
        int[] width = new int[SUMMARY_HEAD.size()];
        for (List<String> r : rows) for (int c = 0; c < r.size(); c++) width[c] = Math.max(width[c], r.get(c).length());
        StringBuilder sb = new StringBuilder();
        for (List<String> r : rows) {
            for (int c = 0; c < r.size(); c++) {
                String cell = r.get(c);
                String pad = " ".repeat(width[c] - cell.length());
                sb.append(c < 2 ? cell + pad : pad + cell).append(c + 1 < r.size() ? "  " : "");
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }

    /** Whether any cell finished (else the summary's means are all empty). */
    public boolean anyFinished() {
        return cells.stringColumn("status").asList().stream().anyMatch(s -> Objects.equals(s, "finished"));
    }
}
