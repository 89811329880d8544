package io.counterweight.core.data;

import io.counterweight.core.CounterweightException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Checks that labels read from a file are a plausible class range. Formats that carry no class count
 * (IDX) take the number of classes from the largest label, so one corrupt label byte (250 in a 10-class
 * set) silently made 251 classes, 240 of them empty, and training went on. Real label sets are mostly one
 * dense run of ids (0..9 for MNIST, 1..26 for EMNIST letters). When the labels form such a run of at least
 * two classes and a few stray values lie beyond it (each with at most 1/{@value #STRAY} of the run's
 * smallest class), or the run's top class has fewer than 1/{@value #RARE} of the median class's images,
 * the strays are taken as corrupt bytes and refused, naming the file, the item and the value. Sparse label
 * sets with no such dense majority are left alone.
 */
final class LabelRange {
    static final int RARE = 1000;
    static final int STRAY = 10;

    private LabelRange() { }

    /** The number of classes (largest label + 1) after the check; labels are 0..255. */
    static int check(int[] trainLabels, Path trainFile, int[] testLabels, Path testFile) {
        long[] counts = new long[256];
        for (int l : trainLabels) counts[l]++;
        for (int l : testLabels) counts[l]++;
        int lo = 0;
        while (lo < 256 && counts[lo] == 0) lo++;
        if (lo == 256) return 0;
        int hi = lo;
        while (hi + 1 < 256 && counts[hi + 1] > 0) hi++;
        if (hi == lo) return maxLabel(counts) + 1; // no dense run of two classes to judge by
        long smallest = Long.MAX_VALUE;
        for (int c = lo; c <= hi; c++) smallest = Math.min(smallest, counts[c]);
        int outlier = -1;
        for (int c = hi + 1; c < 256; c++) {
            if (counts[c] == 0) continue;
            if (counts[c] * STRAY > smallest) return maxLabel(counts) + 1; // a real class: sparse labels, not strays
            if (outlier < 0) outlier = c;
        }
        if (outlier < 0 && hi - lo >= 2 && counts[hi] * RARE < median(counts, lo, hi)) {
            outlier = hi; // the top class is a handful of stray labels, e.g. a corrupt byte that happened to be 10
            hi--;
        }
        if (outlier < 0) return maxLabel(counts) + 1;
        long strays = 0;
        for (int c = hi + 1; c < 256; c++) strays += counts[c];
        int at = indexOf(trainLabels, outlier);
        Path file = at >= 0 ? trainFile : testFile;
        if (at < 0) at = indexOf(testLabels, outlier);
        throw new CounterweightException(file + ": label " + outlier + " of item " + at + " is outside " + lo + ".." + hi
                + ", the range of the other labels" + (strays > 1 ? " (" + strays + " such labels)" : "") + ": a corrupt label byte?");
    }

    private static int maxLabel(long[] counts) {
        int m = 255;
        while (m > 0 && counts[m] == 0) m--;
        return m;
    }

    private static long median(long[] counts, int lo, int hi) {
        long[] run = Arrays.copyOfRange(counts, lo, hi);
        Arrays.sort(run);
        return run[run.length / 2];
    }

    private static int indexOf(int[] labels, int value) {
        for (int i = 0; i < labels.length; i++) if (labels[i] == value) return i;
        return -1;
    }
}
