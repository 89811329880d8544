package io.counterweight.core.experiment;

import io.counterweight.core.metrics.ClassificationReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Baseline against improved run, metric by metric, as in the study's table: macro-F1 and accuracy, plus
 * balanced accuracy and head/medium/tail accuracy (groups by training count, see
 * {@link ClassificationReport#groupLabels()}). A run without a completed epoch, or a group without
 * classes, shows as n/a. The rows format their own cells, so the CLI's table and the GUI's agree.
 */
public record Comparison(RunResult baseline, RunResult improved, List<Row> rows) {

    /** One metric; {@code percent} rows are fractions shown as percentages, deltas in points. */
    public record Row(String metric, double baseline, double improved, boolean percent) {
        public double delta() {
            return improved - baseline;
        }

        /** e.g. "55.00%" for a percent row, "0.4872" otherwise, "n/a" when undefined. */
        public String baselineText() {
            return cell(baseline, percent);
        }

        public String improvedText() {
            return cell(improved, percent);
        }

        /** e.g. "+15.00 pp" (percentage points) for a percent row, "+0.2098" otherwise, "n/a" when undefined. */
        public String deltaText() {
            double d = delta();
            if (!Double.isFinite(d)) return "n/a";
            return percent ? String.format(Locale.ROOT, "%+.2f pp", 100 * d) : String.format(Locale.ROOT, "%+.4f", d);
        }

        private static String cell(double v, boolean percent) {
            if (!Double.isFinite(v)) return "n/a";
            return percent ? String.format(Locale.ROOT, "%.2f%%", 100 * v) : String.format(Locale.ROOT, "%.4f", v);
        }
    }

    public static Comparison of(RunResult baseline, RunResult improved) {
        List<String> groups = ClassificationReport.groupLabels();
        List<Row> rows = List.of(
                row("F1-score (macro)", baseline, improved, ClassificationReport::macroF1, false),
                row("Accuracy", baseline, improved, ClassificationReport::accuracy, true),
                row("Balanced accuracy", baseline, improved, ClassificationReport::balancedAccuracy, true),
                row("Head accuracy (" + groups.get(0) + ")", baseline, improved, ClassificationReport::headAccuracy, true),
                row("Medium accuracy (" + groups.get(1) + ")", baseline, improved, ClassificationReport::mediumAccuracy, true),
                row("Tail accuracy (" + groups.get(2) + ")", baseline, improved, ClassificationReport::tailAccuracy, true));
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
            sb.append(String.format(Locale.ROOT, format, r.metric(), r.baselineText(), r.improvedText(), r.deltaText()));
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
}
