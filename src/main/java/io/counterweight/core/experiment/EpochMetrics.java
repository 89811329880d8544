package io.counterweight.core.experiment;

import io.counterweight.core.metrics.ClassificationReport;
import io.counterweight.core.train.TrainingEvent;

/**
 * One epoch's summary: a row of {@code metrics.csv} and an entry of a run's history. Accuracies are
 * fractions in [0, 1]; a head/medium/tail group without classes is NaN.
 */
public record EpochMetrics(int epoch, double trainLoss, double testLoss, double accuracy, double macroF1,
                           double balancedAccuracy, double headAccuracy, double mediumAccuracy, double tailAccuracy,
                           double imagesPerSecond, double seconds) {

    public static EpochMetrics of(TrainingEvent.EpochDone e) {
        ClassificationReport r = e.report();
        return new EpochMetrics(e.epoch(), e.trainLoss(), e.testLoss(), r.accuracy(), r.macroF1(), r.balancedAccuracy(),
                r.headAccuracy(), r.mediumAccuracy(), r.tailAccuracy(), e.imagesPerSecond(), e.seconds());
    }
}
