package io.counterweight.core.metrics;

/**
 * Improved minus baseline, each confusion matrix first normalised per true class (row), so that runs
 * are compared by rates, not by counts: cell (t, p) is the change in the share of class t's test
 * images predicted as p. A gain on the diagonal (a class recognised more often) and a loss off it (a
 * confusion that grew) are both positive. A row with no test images in either run has no rate: its
 * cells are NaN.
 */
public final class ConfusionDifference {
    private final double[][] baseline;
    private final double[][] improved;

    private ConfusionDifference(double[][] baseline, double[][] improved) {
        this.baseline = baseline;
        this.improved = improved;
    }

    /**
     * @throws IllegalArgumentException when a matrix is missing or the two have different class counts
     */
    public static ConfusionDifference of(ConfusionMatrix baseline, ConfusionMatrix improved) {
        if (baseline == null || improved == null) throw new IllegalArgumentException("both confusion matrices are required");
        if (baseline.numClasses() != improved.numClasses()) {
            throw new IllegalArgumentException("cannot subtract confusion matrices of " + improved.numClasses() + " and "
                    + baseline.numClasses() + " classes: the runs were trained on different class sets");
        }
        return new ConfusionDifference(rowNormalised(baseline), rowNormalised(improved));
    }

    /** Each row divided by its sum (the class's test images); a row without images is all NaN. */
    public static double[][] rowNormalised(ConfusionMatrix m) {
        int k = m.numClasses();
        double[][] out = new double[k][k];
        for (int t = 0; t < k; t++) {
            long support = m.support(t);
            for (int p = 0; p < k; p++) out[t][p] = support == 0 ? Double.NaN : (double) m.get(t, p) / support;
        }
        return out;
    }

    public int numClasses() {
        return baseline.length;
    }

    /** Improved minus baseline share of cell (true, predicted); NaN when the row has no test images in a run. */
    public double delta(int truth, int predicted) {
        return improved[truth][predicted] - baseline[truth][predicted];
    }

    public double baselineRate(int truth, int predicted) {
        return baseline[truth][predicted];
    }

    public double improvedRate(int truth, int predicted) {
        return improved[truth][predicted];
    }

    /** The largest absolute change (0 when nothing changed or no row has images): the palette's scale. */
    public double maxAbs() {
        double max = 0;
        for (int t = 0; t < numClasses(); t++) {
            for (int p = 0; p < numClasses(); p++) {
                double d = Math.abs(delta(t, p));
                if (d > max) max = d; // NaN never compares greater
            }
        }
        return max;
    }
}
