package io.counterweight.app.services;

import io.counterweight.core.metrics.ClassificationReport;
import io.counterweight.core.metrics.ConfusionMatrix;
import java.util.List;

/**
 * One epoch of a run as it was written: its confusion matrix ({@code confusion/epoch-NNN.csv}), the
 * class names stored with it, and the per-class report recomputed from it with the run's training counts.
 */
public record EpochView(int epoch, List<String> classNames, ConfusionMatrix matrix, ClassificationReport report) {
    public EpochView {
        classNames = List.copyOf(classNames);
    }
}
