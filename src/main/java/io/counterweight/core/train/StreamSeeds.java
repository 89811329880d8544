package io.counterweight.core.train;

/**
 * Derives independent seeds for the random streams of a run from the run's seed, so each stream
 * (epoch order, each batch's augmentation) depends only on (seed, epoch, batch), never on thread timing.
 */
public final class StreamSeeds {
    /** Stream kinds, mixed into the seed so the order, augmentation and mixup streams never coincide. */
    public static final long ORDER = 0x4f52444552L;
    public static final long AUGMENT = 0x4155474dL;
    public static final long MIXUP = 0x4d49585550L;

    private StreamSeeds() { }

    /** A well-mixed seed for stream {@code kind} of {@code epoch} (SplitMix64 finaliser at each step). */
    public static long of(long seed, long kind, long epoch) {
        return mix(mix(mix(seed) ^ kind) + epoch);
    }

    /** The seed of batch {@code batch} within a stream. */
    public static long child(long streamSeed, long batch) {
        return mix(streamSeed + 0x9E3779B97F4A7C15L * (batch + 1));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
