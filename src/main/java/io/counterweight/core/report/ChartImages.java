package io.counterweight.core.report;

import io.counterweight.core.experiment.EpochMetrics;
import io.counterweight.core.metrics.ConfusionMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The charts of a report as PNG, drawn with Java2D so the CLI on a headless server and the GUI's
 * "export" buttons produce the same pictures without JavaFX. {@code scale} is 1 for the screen, 2 for
 * slides and high-density screens; the logical size stays the same.
 */
public final class ChartImages {
    private ChartImages() { }

    /** Train loss (solid) and test loss (dashed) per epoch, every run in its own colour. */
    public static ChartImage loss(List<ReportedRun> runs, int scale) {
        return curves("Loss per epoch", "cross-entropy loss", false, runs,
                List.of("train loss", "test loss"), List.of(EpochMetrics::trainLoss, EpochMetrics::testLoss), scale);
    }

    /** Accuracy (solid), macro-F1 (dashed) and balanced accuracy (dotted) per epoch, every run in its colour. */
    public static ChartImage metrics(List<ReportedRun> runs, int scale) {
        return curves("Test metrics per epoch", "accuracy / macro-F1", true, runs,
                List.of("accuracy", "macro-F1", "balanced accuracy"),
                List.of(EpochMetrics::accuracy, EpochMetrics::macroF1, EpochMetrics::balancedAccuracy), scale);
    }

    /**
     * The run's last completed epoch as a heatmap, or null when no epoch completed.
     *
     * @param normalised each true class's row as fractions of its test images (recall on the diagonal)
     */
    public static ChartImage confusion(ReportedRun run, boolean normalised, int scale) {
        ConfusionMatrix cm = run.result().confusion();
        if (cm == null || run.result().report() == null) return null;
        List<String> names = run.result().report().perClass().stream().map(c -> c.name()).toList();
        String title = run.name() + " — epoch " + run.lastEpoch().epoch() + (normalised ? " (% of true class)" : " (counts)");
        return Heatmap.draw(title, names, cm.toArray(), normalised, scale);
    }

    private static ChartImage curves(String title, String yLabel, boolean percent, List<ReportedRun> runs,
                                     List<String> styles, List<ToDoubleFunction<EpochMetrics>> values, int scale) {
        if (scale < 1 || scale > 4) throw new IllegalArgumentException("scale must be 1..4, got " + scale);
        List<LineChart.Series> series = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            List<EpochMetrics> h = runs.get(r).history();
            double[] x = h.stream().mapToDouble(EpochMetrics::epoch).toArray();
            for (int s = 0; s < values.size(); s++) {
                series.add(new LineChart.Series(r, s, x, h.stream().mapToDouble(values.get(s)).toArray()));
            }
        }
        return LineChart.draw(title, yLabel, percent, runs.stream().map(ReportedRun::name).toList(), styles, series, scale);
    }
}
