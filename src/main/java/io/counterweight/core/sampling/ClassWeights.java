package io.counterweight.core.sampling;

import io.counterweight.core.CounterweightException;

/**
 * Per-class weights from per-class training counts. Weights are normalised so that the class with the
 * largest count has weight 1 (the study's table); a class with no images gets weight 0.
 */
public final class ClassWeights {

    private ClassWeights() { }

    /**
     * @param beta only used by {@link WeightMode#EFFECTIVE_NUMBER}; must be in [0, 1)
     * @throws CounterweightException if every class is empty, a count is negative or beta is out of range
     */
    public static double[] compute(int[] counts, WeightMode mode, double beta) {
        if (mode == null) throw new IllegalArgumentException("weight mode is null");
        return switch (mode) {
            case INVERSE_FREQUENCY -> inverseFrequency(counts);
            case EFFECTIVE_NUMBER -> effectiveNumber(counts, beta);
        };
    }

    /** w ∝ 1/n: weight × count is the same (the largest count) for every non-empty class. */
    public static double[] inverseFrequency(int[] counts) {
        int max = largestCount(counts);
        double[] w = new double[counts.length];
        for (int c = 0; c < counts.length; c++) w[c] = counts[c] == 0 ? 0 : (double) max / counts[c];
        return w;
    }

    /**
     * Cui et al. (CVPR 2019): w ∝ (1 − β) / (1 − β^n), the inverse of the effective number of samples.
     * β → 0 gives equal weights, β → 1 approaches {@link #inverseFrequency}.
     */
    public static double[] effectiveNumber(int[] counts, double beta) {
        if (!(beta >= 0 && beta < 1)) throw new CounterweightException("--beta must be in [0, 1), got " + beta);
        int max = largestCount(counts);
        // (1 − β) cancels in the normalisation; w_c = (1 − β^max) / (1 − β^n_c).
        double top = oneMinusPower(beta, max);
        double[] w = new double[counts.length];
        for (int c = 0; c < counts.length; c++) w[c] = counts[c] == 0 ? 0 : top / oneMinusPower(beta, counts[c]);
        return w;
    }

    /** 1 − β^n without the cancellation that 1 - Math.pow(β, n) suffers for β close to 1. */
    static double oneMinusPower(double beta, int n) {
        return -Math.expm1(n * Math.log1p(beta - 1));
    }

    private static int largestCount(int[] counts) {
        if (counts == null || counts.length == 0) throw new CounterweightException("class weights need at least one class");
        int max = 0;
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] < 0) throw new IllegalArgumentException("negative count " + counts[c] + " for class " + c);
            max = Math.max(max, counts[c]);
        }
        if (max == 0) throw new CounterweightException("class weights: every class is empty (no training images)");
        return max;
    }
}
