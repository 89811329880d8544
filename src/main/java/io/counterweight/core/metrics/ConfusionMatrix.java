package io.counterweight.core.metrics;

import java.util.Arrays;

/**
 * Counts of (true class, predicted class) pairs: rows are the true class, columns the prediction.
 * Adding a batch costs O(batch), never O(classes²), so it can be updated every iteration.
 */
public final class ConfusionMatrix {
    private final long[][] counts;

    public ConfusionMatrix(int numClasses) {
        if (numClasses <= 0) throw new IllegalArgumentException("numClasses must be positive");
        counts = new long[numClasses][numClasses];
    }

    public static ConfusionMatrix of(long[][] counts) {
        ConfusionMatrix m = new ConfusionMatrix(counts.length);
        for (int t = 0; t < counts.length; t++) {
            if (counts[t].length != counts.length) throw new IllegalArgumentException("matrix must be square");
            System.arraycopy(counts[t], 0, m.counts[t], 0, counts.length);
        }
        return m;
    }

    public int numClasses() {
        return counts.length;
    }

    public void add(int truth, int predicted) {
        counts[truth][predicted]++;
    }

    public void addAll(int[] truth, int[] predicted) {
        for (int i = 0; i < truth.length; i++) counts[truth[i]][predicted[i]]++;
    }

    public long get(int truth, int predicted) {
        return counts[truth][predicted];
    }

    /** Images whose true class is {@code c} (row sum). */
    public long support(int c) {
        long s = 0;
        for (long v : counts[c]) s += v;
        return s;
    }

    /** Images predicted as {@code c} (column sum). */
    public long predictedCount(int c) {
        long s = 0;
        for (long[] row : counts) s += row[c];
        return s;
    }

    public long total() {
        long s = 0;
        for (long[] row : counts) for (long v : row) s += v;
        return s;
    }

    public long correct() {
        long s = 0;
        for (int c = 0; c < counts.length; c++) s += counts[c][c];
        return s;
    }

    /** A deep copy of the counts. */
    public long[][] toArray() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) copy[i] = counts[i].clone();
        return copy;
    }

    public ConfusionMatrix copy() {
        return of(counts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix m && Arrays.deepEquals(counts, m.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return Arrays.deepToString(counts);
    }
}
