package io.counterweight.core.train;

/** How the learning rate falls over a run (see {@link LearningRateSchedule}). */
public enum LrDecay {
    /** The same rate every epoch (after any warm-up). */
    NONE,
    /** × γ every s epochs. */
    STEP,
    /** Half a cosine from the full rate towards 0 over the epochs after the warm-up. */
    COSINE
}
