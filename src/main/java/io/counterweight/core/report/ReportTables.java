package io.counterweight.core.report;

import io.counterweight.core.Durations;
import io.counterweight.core.experiment.Comparison;
import io.counterweight.core.experiment.EpochMetrics;
import io.counterweight.core.experiment.RunSummary;
import io.counterweight.core.metrics.ClassMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rows of the report's tables as text. Cells are formatted as the study's comparison formats them
 * ({@link Comparison.Row}): percentages with two decimals, macro-F1 with four, "n/a" when undefined, so
 * the report, the CLI and the window show the same figures.
 */
final class ReportTables {
    static final List<String> SUMMARY_HEAD = List.of("run", "label", "data", "model", "remedies", "status", "epochs",
            "accuracy", "macro-F1", "balanced accuracy", "head accuracy", "medium accuracy", "tail accuracy", "duration");
    static final List<String> PER_CLASS_HEAD = List.of("class", "train images", "test images", "precision", "recall", "F1");

    private ReportTables() { }

    static List<List<String>> summary(List<ReportedRun> runs) {
        List<List<String>> rows = new ArrayList<>();
        for (ReportedRun r : runs) {
            RunSummary s = r.summary();
            EpochMetrics e = r.lastEpoch();
            double nan = Double.NaN;
            rows.add(List.of(r.name(), s.label(), s.data(), s.model(), s.remedies(), s.status().id(),
                    s.epochsDone() + "/" + s.epochs(), percent(e == null ? nan : e.accuracy()), number(e == null ? nan : e.macroF1()),
                    percent(e == null ? nan : e.balancedAccuracy()), percent(e == null ? nan : e.headAccuracy()),
                    percent(e == null ? nan : e.mediumAccuracy()), percent(e == null ? nan : e.tailAccuracy()),
                    Durations.clock(s.seconds())));
        }
        return rows;
    }

    /** The study's table of {@code reference} against {@code other}: metric, both values, change. */
    static List<List<String>> comparison(ReportedRun reference, ReportedRun other) {
        List<List<String>> rows = new ArrayList<>();
        for (Comparison.Row row : Comparison.of(reference.result(), other.result()).rows()) {
            rows.add(List.of(row.metric(), row.baselineText(), row.improvedText(), row.deltaText()));
        }
        return rows;
    }

    static List<List<String>> perClass(ReportedRun run) {
        List<List<String>> rows = new ArrayList<>();
        if (run.result().report() == null) return rows;
        List<ClassMetrics> classes = run.result().report().perClass();
        List<Integer> counts = run.trainCounts();
        for (int c = 0; c < classes.size(); c++) {
            ClassMetrics m = classes.get(c);
            rows.add(List.of(m.name(), c < counts.size() ? String.valueOf(counts.get(c)) : "n/a", String.valueOf(m.support()),
                    number(m.precision()), number(m.recall()), number(m.f1())));
        }
        return rows;
    }

    /** As {@link Comparison.Row} shows a percent metric: "55.00%", or "n/a". */
    static String percent(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f%%", 100 * v) : "n/a";
    }

    /** As {@link Comparison.Row} shows macro-F1: "0.4872", or "n/a". */
    static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "n/a";
    }
}
