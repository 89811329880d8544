package io.counterweight.core.metrics;

import java.util.Arrays;

/**
 * One evaluation's per-image outcome: for test image i (in the split's order), its true class, the
 * predicted class and the probability the network gave that prediction. Compact enough to keep for every
 * epoch, and enough to rebuild the epoch's confusion matrix exactly and to list the images of any cell.
 */
public record Predictions(int[] truth, int[] predicted, float[] probability) {

    public Predictions {
        if (truth.length != predicted.length || truth.length != probability.length) {
            throw new IllegalArgumentException("truth, predicted and probability must have one entry per image");
        }
        truth = truth.clone();
        predicted = predicted.clone();
        probability = probability.clone();
    }

    public int size() {
        return truth.length;
    }

    /** The confusion matrix these predictions make. */
    public ConfusionMatrix confusion(int numClasses) {
        ConfusionMatrix cm = new ConfusionMatrix(numClasses);
        for (int i = 0; i < truth.length; i++) cm.add(truth[i], predicted[i]);
        return cm;
    }

    /** Indices of the images of class {@code truth} predicted as {@code predicted}, most confident first. */
    public int[] cell(int truthClass, int predictedClass) {
        return java.util.stream.IntStream.range(0, truth.length)
                .filter(i -> truth[i] == truthClass && predicted[i] == predictedClass).boxed()
                .sorted((a, b) -> Float.compare(probability[b], probability[a]))
                .mapToInt(Integer::intValue).toArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Predictions p && Arrays.equals(truth, p.truth) && Arrays.equals(predicted, p.predicted)
                && Arrays.equals(probability, p.probability);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(truth) + Arrays.hashCode(predicted)) + Arrays.hashCode(probability);
    }

    @Override
    public String toString() {
        return "Predictions[" + truth.length + " images]";
    }
}
