package io.counterweight.core.train;

/**
 * The learning rate of each epoch (1-based), set at the epoch's start: a linear warm-up over the first
 * {@code warmup} epochs ({@code rate · e / k} in epoch e ≤ k, Goyal et al. 2017), times a decay:
 * step ({@code γ^⌊(e − 1) / s⌋}) or cosine ({@code ½ (1 + cos(π t))}, t = (e − 1 − k) / (E − k) the share
 * of the post-warm-up epochs already done, so the last epoch trains at a small positive rate).
 *
 * @param rate   the base (full) learning rate
 * @param epochs E, the run's epochs
 */
public record LearningRateSchedule(double rate, int epochs, int warmup, LrDecay decay, int decayEvery, double decayGamma) {
    public LearningRateSchedule {
        if (decay == null) decay = LrDecay.NONE;
    }

    /** The base rate in every epoch. */
    public static LearningRateSchedule constant(double rate, int epochs) {
        return new LearningRateSchedule(rate, epochs, 0, LrDecay.NONE, 1, 1);
    }

    /** True when every epoch trains at the base rate. */
    public boolean isConstant() {
        return warmup <= 0 && (decay == LrDecay.NONE || decay == LrDecay.STEP && (decayGamma == 1 || decayEvery >= epochs));
    }

    public double rateAt(int epoch) {
        double r = rate;
        if (warmup > 0 && epoch <= warmup) r *= (double) epoch / warmup;
        switch (decay) {
            case STEP -> r *= Math.pow(decayGamma, (epoch - 1) / Math.max(1, decayEvery));
            case COSINE -> {
                if (epoch > warmup) {
                    double t = (double) (epoch - 1 - warmup) / Math.max(1, epochs - warmup);
                    r *= 0.5 * (1 + Math.cos(Math.PI * t));
                }
            }
            case NONE -> { }
        }
        return r;
    }
}
