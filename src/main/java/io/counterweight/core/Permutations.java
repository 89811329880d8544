package io.counterweight.core;

import java.util.SplittableRandom;

/** Seeded random orders, shared by the long-tail selection, the baseline sampler and the trainer. */
public final class Permutations {
    private Permutations() { }

    /** 0..n-1 in a Fisher–Yates order drawn from {@code rng}. */
    public static int[] shuffled(int n, SplittableRandom rng) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
