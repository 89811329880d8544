package io.counterweight.app.services;

import io.counterweight.core.sampling.WeightMode;

/** Class weights and the re-weighted sampler's expectations (core.sampling). */
public interface SamplingService {
    /** One weight per class, the largest class weighing 1, an empty class 0. */
    double[] classWeights(int[] counts, WeightMode mode, double beta);

    /** Expected draws per class in one epoch of {@code numSamples} weighted draws with replacement. */
    double[] expectedDraws(int[] labels, double[] classWeights, int numClasses, int numSamples);
}
