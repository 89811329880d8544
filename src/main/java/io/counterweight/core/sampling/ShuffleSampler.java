package io.counterweight.core.sampling;

import java.util.SplittableRandom;

/** The baseline: every image exactly once per epoch, in a fresh seeded random order. */
public final class ShuffleSampler implements EpochSampler {
    private final int n;

    public ShuffleSampler(int n) {
        if (n <= 0) throw new IllegalArgumentException("cannot shuffle an empty training set");
        this.n = n;
    }

    @Override
    public int[] epoch(SplittableRandom rng) {
        return io.counterweight.core.Permutations.shuffled(n, rng);
    }

    @Override
    public int samplesPerEpoch() {
        return n;
    }
}
