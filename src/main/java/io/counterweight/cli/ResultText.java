package io.counterweight.cli;

import io.counterweight.core.metrics.ClassMetrics;
import io.counterweight.core.metrics.ClassificationReport;
import io.counterweight.core.experiment.RunResult;
import java.util.Locale;

/** The human-readable summary of one run, printed by {@code train}. */
final class ResultText {
    private ResultText() { }

    static String summary(RunResult r) {
        ClassificationReport rep = r.report();
        if (rep == null) {
            return String.format(Locale.ROOT, "%s stopped before any epoch completed: no metrics to report%nrun folder: %s%n",
                    r.config().label(), r.runDir());
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s after %d epoch(s)%s%n", r.config().label(), r.epochsDone(), r.cancelled() ? " (stopped)" : ""));
        sb.append(String.format(Locale.ROOT, "accuracy %.2f%%  macro-F1 %.4f  balanced accuracy %.2f%%%n",
                100 * rep.accuracy(), rep.macroF1(), 100 * rep.balancedAccuracy()));
        sb.append(String.format(Locale.ROOT, "head %s  medium %s  tail %s  (classes with %s training images)%n",
                pct(rep.headAccuracy()), pct(rep.mediumAccuracy()), pct(rep.tailAccuracy()),
                String.join(" / ", ClassificationReport.groupLabels())));
        int width = Math.max(5, rep.perClass().stream().mapToInt(m -> m.name().length()).max().orElse(5));
        String row = "%-" + width + "s  %9s  %6s  %6s  %7s%n";
        sb.append(String.format(Locale.ROOT, row, "class", "precision", "recall", "f1", "support"));
        for (ClassMetrics m : rep.perClass()) {
            sb.append(String.format(Locale.ROOT, row, m.name(), f(m.precision()), f(m.recall()), f(m.f1()), m.support()));
        }
        sb.append(String.format(Locale.ROOT, "%.0f images/s; run folder: %s%n", r.imagesPerSecond(), r.runDir()));
        return sb.toString();
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }
}
