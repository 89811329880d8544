package io.counterweight.core.experiment;

import io.counterweight.core.metrics.ClassificationReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Baseline against improved run, metric by metric, as in the study's table: macro-F1 and accuracy, plus
 * balanced accuracy and head/medium/tail accuracy (head &gt; 100 training images, medium 20–100, tail
 * &lt; 20). A run without a completed epoch, or a group without classes, shows as n/a.
 */
public record Comparison(RunResult baseline, RunResult improved, List<Row> rows) {

    /** One metric; {@code percent} rows are fractions shown as percentages, deltas in points. */
    public record Row(String metric, double baseline, double improved, boolean percent) {
        public double delta() {
            return improved - baseline;
        }
    }

    public static Comparison of(RunResult baseline, RunResult improved) {
        List<Row> rows = List.of(
                row("F1-score (macro)", baseline, improved, ClassificationReport::macroF1, false),
                row("Accuracy", baseline, improved, ClassificationReport::accuracy, true),
                row("Balanced accuracy", baseline, improved, ClassificationReport::balancedAccuracy, true),
                row("Head accuracy (>100)", baseline, improved, ClassificationReport::headAccuracy, true),
                row("Medium accuracy (20-100)", baseline, improved, ClassificationReport::mediumAccuracy, true),
                row("Tail accuracy (<20)", baseline, improved, ClassificationReport::tailAccuracy, true));
        return new Comparison(baseline, improved, rows);
    }

    private static Row row(String name, RunResult b, RunResult i, ToDoubleFunction<ClassificationReport> metric, boolean percent) {
        return new Row(name, value(b, metric), value(i, metric), percent);
    }

    private static double value(RunResult r, ToDoubleFunction<ClassificationReport> metric) {
        return r.report() == null ? Double.NaN : metric.applyAsDouble(r.report());
    }

    /** The plain-text table, one line per metric, columns aligned. */
    public String toTable() {
        StringBuilder sb = new StringBuilder();
        String format = "%-26s %10s %10s %11s%n";
        sb.append(String.format(Locale.ROOT, format, "Metric", "Baseline", "Improved", "Change"));
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, format, r.metric(), cell(r.baseline(), r.percent()),
                    cell(r.improved(), r.percent()), change(r)));
        }
        return sb.toString();
    }

    /** {@code {"baseline": …, "improved": …}}, each the train JSON object ({@link RunResult#toJsonMap()}). */
    public Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("baseline", baseline.toJsonMap());
        m.put("improved", improved.toJsonMap());
        return m;
    }

    static String cell(double v, boolean percent) {
        if (!Double.isFinite(v)) return "n/a";
        return percent ? String.format(Locale.ROOT, "%.2f%%", 100 * v) : String.format(Locale.ROOT, "%.4f", v);
    }

    static String change(Row r) {
        double d = r.delta();
        if (!Double.isFinite(d)) return "n/a";
        return r.percent() ? String.format(Locale.ROOT, "%+.2f pp", 100 * d) : String.format(Locale.ROOT, "%+.4f", d);
    }
}
