package io.counterweight.core.augment;

import java.util.SplittableRandom;

/**
 * Mixup (Zhang et al., ICLR 2018): each image of a batch is blended with another image of the same batch,
 * {@code x' = λ x_i + (1 − λ) x_j}, and its label the same way, {@code y' = λ y_i + (1 − λ) y_j}, with one
 * λ ~ Beta(α, α) per batch and j a random permutation of the batch (as in the authors' code). All draws
 * come from the caller's stream, so a batch depends only on its seed.
 */
public final class Mixup {
    private final double alpha;

    /** @param alpha α &gt; 0; small α keeps λ near 0 or 1 (light mixing), α = 1 draws λ uniformly */
    public Mixup(double alpha) {
        if (!(alpha > 0)) throw new IllegalArgumentException("mixup's alpha must be positive, got " + alpha);
        this.alpha = alpha;
    }

    public double alpha() {
        return alpha;
    }

    /**
     * Mixes {@code n} images of {@code imageSize} floats and their label rows of {@code numClasses} in place.
     *
     * @return λ, the weight of each image's own content
     */
    public double mix(float[] features, float[] labels, int n, int imageSize, int numClasses, SplittableRandom rng) {
        double lambda = beta(alpha, alpha, rng);
        int[] partner = io.counterweight.core.Permutations.shuffled(n, rng);
        mixRows(features, n, imageSize, partner, lambda);
        mixRows(labels, n, numClasses, partner, lambda);
        return lambda;
    }

    /** row i ← λ row i + (1 − λ) row partner[i], reading the rows as they were before mixing. */
    static void mixRows(float[] rows, int n, int width, int[] partner, double lambda) {
        float[] before = java.util.Arrays.copyOf(rows, n * width);
        float own = (float) lambda, other = (float) (1 - lambda);
        for (int i = 0; i < n; i++) {
            int a = i * width, b = partner[i] * width;
            for (int k = 0; k < width; k++) rows[a + k] = own * before[a + k] + other * before[b + k];
        }
    }

    /** A Beta(a, b) draw as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
    static double beta(double a, double b, SplittableRandom rng) {
        double x = gamma(a, rng), y = gamma(b, rng);
        return x + y == 0 ? 0.5 : x / (x + y);
    }

    /** Marsaglia–Tsang (2000); shape &lt; 1 through Gamma(shape + 1) · U^(1/shape). */
    static double gamma(double shape, SplittableRandom rng) {
        if (shape < 1) return gamma(shape + 1, rng) * Math.pow(1 - rng.nextDouble(), 1 / shape);
        double d = shape - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = gaussian(rng), v = 1 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            double u = 1 - rng.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
        }
    }

    /** A standard normal draw (Box–Muller), from the stream alone. */
    private static double gaussian(SplittableRandom rng) {
        double u1 = 1 - rng.nextDouble(), u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
