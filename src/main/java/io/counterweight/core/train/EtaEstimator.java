package io.counterweight.core.train;

/**
 * The training speed and the time left in a run: images per second over the last steps (so the figure
 * follows the current speed, not the whole run's average), plus the last evaluation's duration for
 * each evaluation still to come. Time spent paused is not training time: {@link #restart} after it.
 */
final class EtaEstimator {
    private static final int RATE_WINDOW = 20;

    private final int epochs;
    private final int imagesPerEpoch;
    private final MovingRate rate = new MovingRate(RATE_WINDOW);
    private double evaluationSeconds;

    EtaEstimator(int epochs, int imagesPerEpoch) {
        this.epochs = epochs;
        this.imagesPerEpoch = imagesPerEpoch;
    }

    /** Starts a new speed window (a new epoch, or training again after a pause). */
    void restart(long nanos) {
        rate.restart(nanos);
    }

    void stepDone(long nanos, int images) {
        rate.record(nanos, images);
    }

    void evaluationTook(double seconds) {
        evaluationSeconds = seconds;
    }

    /** Images per second over the last steps, NaN before two steps. */
    double imagesPerSecond() {
        return rate.perSecond();
    }

    /** Seconds left when {@code seen} images of epoch {@code epoch} are trained (NaN while the speed is unknown). */
    double secondsLeft(int epoch, int seen) {
        long imagesLeft = (imagesPerEpoch - seen) + (long) (epochs - epoch) * imagesPerEpoch;
        return imagesLeft / rate.perSecond() + (epochs - epoch + 1) * evaluationSeconds;
    }
}
