package io.counterweight.core.experiment;

import io.counterweight.core.metrics.ClassMetrics;
import io.counterweight.core.metrics.ClassificationReport;
import io.counterweight.core.metrics.ConfusionMatrix;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one run: its folder and config, how far it got, the last completed epoch's report and
 * confusion matrix (null when no epoch completed), the median training speed over epochs and the
 * per-epoch history.
 */
public record RunResult(Path runDir, ExperimentConfig config, int epochsDone, boolean cancelled,
                        ClassificationReport report, ConfusionMatrix confusion, double imagesPerSecond,
                        List<EpochMetrics> history) {

    public RunResult {
        history = List.copyOf(history);
    }

    public static RunResult of(Path runDir, ExperimentConfig config, boolean cancelled, ClassificationReport report,
                               ConfusionMatrix confusion, List<EpochMetrics> history) {
        return new RunResult(runDir, config, history.size(), cancelled, report, confusion, median(history), history);
    }

    /**
     * What a user should know about the result although the run ended normally: a network that predicts
     * one class for every test image has collapsed (a too-high learning rate, typically), and its accuracy
     * is only that class's share of the test set.
     */
    public List<String> warnings() {
        if (confusion == null || report == null) return List.of();
        int present = 0, predicted = 0, only = -1;
        for (int c = 0; c < confusion.numClasses(); c++) {
            if (confusion.support(c) > 0) present++;
            if (confusion.predictedCount(c) > 0) {
                predicted++;
                only = c;
            }
        }
        if (present < 2 || predicted != 1) return List.of();
        return List.of("the network predicts one class ('" + report.perClass().get(only).name() + "') for every test image:"
                + " it has collapsed (try a lower --lr); its accuracy is only that class's share of the test set");
    }

    /**
     * The CLI's {@code --json} view of a train run (snake_case keys, NaN as null): run_dir, label, model,
     * epochs, cancelled, status (finished or stopped), warnings, accuracy, macro_f1, balanced_accuracy, head/medium/tail_accuracy, per_class
     * ({name, precision, recall, f1, support} in class-id order), confusion (rows true, columns
     * predicted), images_per_second, config (the settings the run used).
     */
    public Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_dir", runDir.toString());
        m.put("label", config.label());
        m.put("model", config.recipe().model());
        m.put("epochs", epochsDone);
        m.put("cancelled", cancelled);
        m.put("status", cancelled ? RunStatus.STOPPED.id() : RunStatus.FINISHED.id());
        m.put("warnings", warnings());
        m.put("accuracy", report == null ? null : finite(report.accuracy()));
        m.put("macro_f1", report == null ? null : finite(report.macroF1()));
        m.put("balanced_accuracy", report == null ? null : finite(report.balancedAccuracy()));
        m.put("head_accuracy", report == null ? null : finite(report.headAccuracy()));
        m.put("medium_accuracy", report == null ? null : finite(report.mediumAccuracy()));
        m.put("tail_accuracy", report == null ? null : finite(report.tailAccuracy()));
        List<Map<String, Object>> perClass = new ArrayList<>();
        if (report != null) {
            for (ClassMetrics c : report.perClass()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", c.name());
                row.put("precision", finite(c.precision()));
                row.put("recall", finite(c.recall()));
                row.put("f1", finite(c.f1()));
                row.put("support", c.support());
                perClass.add(row);
            }
        }
        m.put("per_class", perClass);
        m.put("confusion", confusion == null ? null : confusion.toArray());
        m.put("images_per_second", finite(imagesPerSecond));
        m.put("config", config); // the settings it ran with, the newer remedies included
        return m;
    }

    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** Median of the epochs' training speeds (NaN without epochs): robust to a slow first epoch. */
    static double median(List<EpochMetrics> history) {
        double[] v = history.stream().mapToDouble(EpochMetrics::imagesPerSecond).sorted().toArray();
        if (v.length == 0) return Double.NaN;
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
