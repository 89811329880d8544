package io.counterweight.core.data;

/**
 * Long-tailed class counts of Cui et al. (CVPR 2019), as used by the study: class x of C keeps
 * {@code n_x = floor(n_max * u^(x / (C - 1)))} images.
 */
public final class LongTail {
    /**
     * Added before the floor: pow() can land one ulp below an exact integer (500 * 0.1^1 = 49.99999…),
     * and the floor would then lose a whole image. 1e-9 is far below any real fractional part.
     */
    private static final double EPSILON = 1e-9;

    private LongTail() { }

    /** Counts for classes 0..C-1; the first is {@code nMax}, the last {@code floor(nMax * u)}. */
    public static int[] counts(int numClasses, int nMax, double u) {
        if (numClasses < 1) throw new IllegalArgumentException("numClasses must be at least 1: " + numClasses);
        if (nMax < 0) throw new IllegalArgumentException("nMax must not be negative: " + nMax);
        if (!(u > 0 && u <= 1)) throw new IllegalArgumentException("u must be in (0, 1]: " + u);
        int[] counts = new int[numClasses];
        for (int x = 0; x < numClasses; x++) {
            double exponent = numClasses == 1 ? 0 : (double) x / (numClasses - 1);
            counts[x] = (int) Math.floor(nMax * Math.pow(u, exponent) + EPSILON);
        }
        return counts;
    }
}
