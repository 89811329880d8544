package io.counterweight.core.train;

import java.util.SplittableRandom;

/**
 * The training-set indices of one epoch, in the order they are fed (the sampler seam). A weighted
 * sampler draws with replacement; {@link #shuffled(int)} is a plain permutation (the baseline).
 */
@FunctionalInterface
public interface EpochOrder {
    int[] indices(SplittableRandom rng);

    /** The indices of epoch {@code epoch} (1-based); the same for every epoch unless the order is {@link #deferred}. */
    default int[] indices(int epoch, SplittableRandom rng) {
        return indices(rng);
    }

    /**
     * {@code plain} before epoch {@code fromEpoch}, {@code remedy} from it on: deferred re-sampling
     * (Cao et al. 2019), which learns features from the natural distribution first.
     */
    static EpochOrder deferred(EpochOrder plain, EpochOrder remedy, int fromEpoch) {
        return new EpochOrder() {
            @Override
            public int[] indices(SplittableRandom rng) {
                return remedy.indices(rng);
            }

            @Override
            public int[] indices(int epoch, SplittableRandom rng) {
                return epoch < fromEpoch ? plain.indices(epoch, rng) : remedy.indices(epoch, rng);
            }
        };
    }

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
