package io.counterweight.core.sampling;

/** How class weights are computed from class counts. */
public enum WeightMode {
    /** The study's weights: w ∝ 1 / n. */
    INVERSE_FREQUENCY,
    /** Cui et al. 2019: w ∝ (1 − β) / (1 − β^n), the inverse of the effective number of samples. */
    EFFECTIVE_NUMBER
}
