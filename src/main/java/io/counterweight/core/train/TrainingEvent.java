package io.counterweight.core.train;

import io.counterweight.core.metrics.ClassificationReport;
import io.counterweight.core.metrics.ConfusionMatrix;
import io.counterweight.core.metrics.Predictions;
import java.util.List;

/**
 * What the trainer reports, as plain immutable records: the CLI prints them, the GUI throttles them
 * onto the FX thread. Listeners must be cheap; they run on the training thread.
 */
public sealed interface TrainingEvent {

    /**
     * Before the first batch. {@code device} is e.g. "CPU (2 cores)" or the GPU's name; {@code classNames}
     * label the run's confusion matrices (class-id order), whatever is selected later.
     */
    record Started(String label, String backend, String device, int epochs, int batchesPerEpoch,
                   int trainSize, int testSize, List<String> classNames) implements TrainingEvent {
        public Started {
            classNames = List.copyOf(classNames);
        }
    }

    /** After each training step. Epochs and batches count from 1. */
    record BatchDone(int epoch, int batch, int batchesPerEpoch, long iteration, double loss,
                     double imagesPerSecond, double etaSeconds) implements TrainingEvent { }

    /**
     * After each epoch's evaluation on the test split. {@code drawsPerClass}: how many images of each
     * class the sampler actually fed this epoch; {@code predictions}: each test image's predicted class and
     * its probability (null where not kept).
     */
    record EpochDone(int epoch, int epochs, double trainLoss, double testLoss, ClassificationReport report,
                     ConfusionMatrix confusion, int[] drawsPerClass, double imagesPerSecond,
                     double seconds, Predictions predictions) implements TrainingEvent {
        /** Without per-image predictions. */
        public EpochDone(int epoch, int epochs, double trainLoss, double testLoss, ClassificationReport report,
                         ConfusionMatrix confusion, int[] drawsPerClass, double imagesPerSecond, double seconds) {
            this(epoch, epochs, trainLoss, testLoss, report, confusion, drawsPerClass, imagesPerSecond, seconds, null);
        }
    }

    /** The run ended: finished all epochs, or stopped early by the user ({@code cancelled}). */
    record Finished(boolean cancelled, int epochsDone) implements TrainingEvent { }
}
