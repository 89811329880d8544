package io.counterweight.core.train;

/** The training loss (the output layer is a softmax in every case). */
public enum LossKind {
    /** Plain cross-entropy (the study). */
    CROSS_ENTROPY,
    /** Cross-entropy with a weight per class (inverse frequency or effective number), normalised to mean 1. */
    WEIGHTED,
    /** Cross-entropy on softmax(z + τ log π): logit adjustment, the balanced softmax at τ = 1. */
    LOGIT_ADJUSTED
}
