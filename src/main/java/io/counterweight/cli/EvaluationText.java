package io.counterweight.cli;

import io.counterweight.core.experiment.ModelEvaluation;
import io.counterweight.core.metrics.ClassMetrics;
import io.counterweight.core.metrics.ClassificationReport;
import java.util.Locale;

/** The human-readable summary printed by {@code evaluate}, laid out like {@code train}'s. */
final class EvaluationText {
    private EvaluationText() { }

    static String summary(ModelEvaluation e) {
        ClassificationReport rep = e.report();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s on %s (%s, %d images)%n", e.runDir().getFileName(), e.data(),
                "all".equals(e.split()) ? "all images" : "test split", e.confusion().total()));
        sb.append(String.format(Locale.ROOT, "accuracy %.2f%%  macro-F1 %.4f  balanced accuracy %.2f%%%n",
                100 * rep.accuracy(), rep.macroF1(), 100 * rep.balancedAccuracy()));
        sb.append(String.format(Locale.ROOT, "head %s  medium %s  tail %s  (classes with >100 / 20-100 / <20 training images)%n",
                pct(rep.headAccuracy()), pct(rep.mediumAccuracy()), pct(rep.tailAccuracy())));
        int width = Math.max(5, rep.perClass().stream().mapToInt(m -> m.name().length()).max().orElse(5));
        String row = "%-" + width + "s  %9s  %6s  %6s  %7s%n";
        sb.append(String.format(Locale.ROOT, row, "class", "precision", "recall", "f1", "support"));
        for (ClassMetrics m : rep.perClass()) {
            sb.append(String.format(Locale.ROOT, row, m.name(), f(m.precision()), f(m.recall()), f(m.f1()), m.support()));
        }
        sb.append(String.format(Locale.ROOT, "evaluation folder: %s%n", e.evaluationDir()));
        return sb.toString();
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }
}
