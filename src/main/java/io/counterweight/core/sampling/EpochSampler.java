package io.counterweight.core.sampling;

import java.util.SplittableRandom;

/** Chooses the training-set indices of one epoch, in the order they are fed to the network. */
public interface EpochSampler {

    /** The indices of one epoch; the caller passes a seeded generator so runs repeat exactly. */
    int[] epoch(SplittableRandom rng);

    /** How many indices {@link #epoch} returns. */
    int samplesPerEpoch();

    /**
     * The study's choice: the re-weighted sampler (N = training-set size, with replacement) when
     * {@code weighted}, else a plain shuffle of the training set.
     *
     * @param labels     class id of each training image, in 0..numClasses-1
     * @param numClasses number of classes (classes without images get weight 0)
     */
    static EpochSampler forTraining(int[] labels, int numClasses, boolean weighted, WeightMode mode, double beta) {
        if (!weighted) return new ShuffleSampler(labels.length);
        double[] weights = ClassWeights.compute(WeightedRandomSampler.countLabels(labels, numClasses), mode, beta);
        return new WeightedRandomSampler(labels, weights, labels.length);
    }
}
