package io.counterweight.core.train;

import java.util.SplittableRandom;

/**
 * The training-set indices of one epoch, in the order they are fed (the sampler seam). A weighted
 * sampler draws with replacement; {@link #shuffled(int)} is a plain permutation (the baseline).
 */
@FunctionalInterface
public interface EpochOrder {
    int[] indices(SplittableRandom rng);

    /** Every image once per epoch, in a fresh seeded Fisher–Yates order. */
    static EpochOrder shuffled(int n) {
        return rng -> io.counterweight.core.Permutations.shuffled(n, rng);
    }

    /** 0, 1, …, n − 1 every epoch (for tests and evaluation). */
    static EpochOrder sequential(int n) {
        return rng -> sequentialIndices(n);
    }

    private static int[] sequentialIndices(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        return order;
    }
}
