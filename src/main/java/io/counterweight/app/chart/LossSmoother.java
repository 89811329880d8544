package io.counterweight.app.chart;

/**
 * Exponential moving average of the per-iteration loss, bias-corrected like TensorBoard's smoothing
 * so the first points are not pulled towards zero. Display only: the trainer's raw losses are untouched.
 */
public final class LossSmoother {
    private final double weight;
    private double ema;
    private long n;

    /** @param weight how much of the previous value is kept, in [0, 1); 0 = no smoothing */
    public LossSmoother(double weight) {
        if (!(weight >= 0 && weight < 1)) throw new IllegalArgumentException("weight must be in [0, 1)");
        this.weight = weight;
    }

    /** Adds a loss and returns the smoothed value; non-finite losses (a diverged step) are shown as they are. */
    public double add(double loss) {
        if (!Double.isFinite(loss)) return loss;
        n++;
        ema = weight * ema + (1 - weight) * loss;
        return ema / (1 - Math.pow(weight, n));
    }

    public void reset() {
        ema = 0;
        n = 0;
    }
}
