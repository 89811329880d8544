package io.counterweight.core.experiment.grid;

/**
 * The time left in a grid: the cell now training says its own (the trainer's ETA); every later cell is
 * costed at the mean epoch time measured so far in this grid times its epochs. Cells at a smaller u train
 * on fewer images, so this overestimates a grid that runs its large ratios first, and the other way round.
 */
final class GridEta {
    private double epochSeconds;
    private int epochs;

    void epochDone(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) return;
        epochSeconds += seconds;
        epochs++;
    }

    /**
     * @param currentCellSeconds the training cell's own time left (NaN while unknown)
     * @param laterEpochs        epochs of the cells still to start after it
     * @return seconds left, NaN while unknown
     */
    double secondsLeft(double currentCellSeconds, long laterEpochs) {
        if (!Double.isFinite(currentCellSeconds)) return Double.NaN;
        if (laterEpochs == 0) return currentCellSeconds;
        if (epochs == 0) return Double.NaN;
        return currentCellSeconds + laterEpochs * (epochSeconds / epochs);
    }
}
