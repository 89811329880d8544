package io.counterweight.app.services;

import io.counterweight.core.sampling.ClassWeights;
import io.counterweight.core.sampling.WeightMode;
import io.counterweight.core.sampling.WeightedRandomSampler;

/** {@link SamplingService} over core.sampling. */
public final class CoreSamplingService implements SamplingService {
    @Override
    public double[] classWeights(int[] counts, WeightMode mode, double beta) {
        return ClassWeights.compute(counts, mode, beta);
    }

    @Override
    public double[] expectedDraws(int[] labels, double[] classWeights, int numClasses, int numSamples) {
        if (labels.length == 0) return new double[numClasses];
        return new WeightedRandomSampler(labels, classWeights, numSamples).expectedDrawsPerClass();
    }
}
