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
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) { // Fisher–Yates
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    @Override
    public int samplesPerEpoch() {
        return n;
    }
}
