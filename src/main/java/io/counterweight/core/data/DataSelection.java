package io.counterweight.core.data;

import io.counterweight.core.Permutations;
import io.counterweight.core.CounterweightException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The study's data selection on a loaded data set: keep the first K classes (train and test alike),
 * then shrink the training split to exact per-class counts or to a long tail. The test split is only
 * filtered by class, so it stays balanced. Kept images are a seeded shuffle's prefix within each class,
 * so with one seed a steeper tail keeps a subset of a milder one.
 */
public final class DataSelection {
    private DataSelection() { }

    /**
     * @param classes   keep classes 0..K-1 (0 = all)
     * @param imbalance long-tail ratio u in (0, 1]; 1 leaves the counts alone
     * @param perClass  exact training images per class (empty or null = none); the option check refuses it
     *                  together with an imbalance below 1, here it wins
     */
    public static Dataset apply(Dataset data, int classes, double imbalance, List<Integer> perClass, long seed) {
        return apply(data, classes, imbalance, perClass, 0, seed);
    }

    /**
     * As above, with n_max capped at {@code maxPerClass} (0 = no cap): the long tail starts from
     * min(largest class, maxPerClass), and at {@code imbalance} 1 every class keeps at most that many.
     */
    public static Dataset apply(Dataset data, int classes, double imbalance, List<Integer> perClass, int maxPerClass,
                                long seed) {
        if (maxPerClass < 0) throw new CounterweightException("--max-per-class must be 0 (as loaded) or at least 1, got " + maxPerClass);
        Dataset d = firstClasses(data, classes);
        int[] available = d.trainCounts();
        int[] wanted;
        String note;
        if (perClass != null && !perClass.isEmpty()) {
            wanted = checkPerClass(d, available, perClass);
            note = "per class " + perClass;
        } else if (imbalance < 1) {
            if (!(imbalance > 0)) throw new CounterweightException("--imbalance must be in (0, 1], got " + imbalance);
            int nMax = Arrays.stream(available).max().orElse(0);
            if (maxPerClass > 0) nMax = Math.min(nMax, maxPerClass);
            wanted = LongTail.counts(d.numClasses(), nMax, imbalance);
            // A class with fewer images than its target keeps all it has.
            for (int c = 0; c < wanted.length; c++) wanted[c] = Math.min(wanted[c], available[c]);
            note = "long tail u=" + imbalance + ", n_max=" + nMax;
        } else if (maxPerClass > 0 && Arrays.stream(available).anyMatch(n -> n > maxPerClass)) {
            wanted = Arrays.stream(available).map(n -> Math.min(n, maxPerClass)).toArray();
            note = "at most " + maxPerClass + " per class";
        } else {
            return d;
        }
        ImageSplit train = d.train().select(keptIndices(d.train(), wanted, seed));
        return d.withSplits(train, d.test()).withNote("selection", note + ": " + train.size() + " training images");
    }

    private static Dataset firstClasses(Dataset d, int classes) {
        if (classes == 0 || classes == d.numClasses()) return d;
        if (classes < 2 || classes > d.numClasses()) {
            throw new CounterweightException(classesMessage(d.numClasses() + " (the classes in " + d.name() + ")", classes));
        }
        int[] map = new int[d.numClasses()];
        for (int c = 0; c < map.length; c++) map[c] = c < classes ? c : -1;
        Dataset kept = new Dataset(d.name(), d.format(), d.classNames().subList(0, classes),
                d.train().relabel(map), d.test().relabel(map), d.notes());
        return kept.withNote("classes", "first " + classes + " of " + d.numClasses());
    }

    /**
     * The one wording of a bad --classes, from the option check (which does not know the data yet) and
     * from here: "--classes must be 0 (all) or 2..N where N = ..., got K".
     */
    public static String classesMessage(String n, int classes) {
        return "--classes must be 0 (all) or 2..N where N = " + n + ", got " + classes;
    }

    private static int[] checkPerClass(Dataset d, int[] available, List<Integer> perClass) {
        if (perClass.size() != d.numClasses()) {
            throw new CounterweightException("--per-class: " + perClass.size() + " counts given for " + d.numClasses() + " classes");
        }
        int[] wanted = new int[perClass.size()];
        for (int c = 0; c < wanted.length; c++) {
            wanted[c] = perClass.get(c);
            if (wanted[c] < 0) throw new CounterweightException("--per-class: count " + wanted[c] + " for class '" + d.classNames().get(c) + "' is negative");
            if (wanted[c] > available[c]) {
                throw new CounterweightException("--per-class: class '" + d.classNames().get(c) + "' has " + available[c]
                        + " training images, " + wanted[c] + " asked for");
            }
        }
        return wanted;
    }

    /** Indices of the kept images, in their original order: per class, the first n of a seeded shuffle. */
    static int[] keptIndices(ImageSplit split, int[] wanted, long seed) {
        int numClasses = wanted.length;
        int[] counts = split.classCounts(numClasses);
        int[][] byClass = new int[numClasses][];
        for (int c = 0; c < numClasses; c++) byClass[c] = new int[counts[c]];
        int[] fill = new int[numClasses];
        for (int i = 0; i < split.size(); i++) {
            int c = split.label(i);
            byClass[c][fill[c]++] = i;
        }
        SplittableRandom root = new SplittableRandom(seed);
        int total = Arrays.stream(wanted).sum();
        int[] kept = new int[total];
        int k = 0;
        for (int c = 0; c < numClasses; c++) {
            int[] order = Permutations.shuffled(counts[c], root.split());
            for (int j = 0; j < wanted[c]; j++) kept[k++] = byClass[c][order[j]];
        }
        Arrays.sort(kept);
        return kept;
    }
}
