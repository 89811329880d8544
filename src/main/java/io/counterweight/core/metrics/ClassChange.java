package io.counterweight.core.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One class's change from a baseline to an improved run: recall and F1 (improved minus baseline; NaN
 * when the class has no test images in either run), with its training images and group.
 */
public record ClassChange(int classId, String name, int trainCount, ClassGroup group, double recallDelta, double f1Delta) {

    /**
     * Every class's change, ordered by training images, largest first (ties by class id), so that the
     * head comes first and the tail last.
     *
     * @throws IllegalArgumentException when the reports or counts have different class counts
     */
    public static List<ClassChange> of(ClassificationReport baseline, ClassificationReport improved, int[] trainCounts) {
        int k = baseline.perClass().size();
        if (improved.perClass().size() != k || trainCounts.length != k) {
            throw new IllegalArgumentException("cannot compare per-class results of " + k + " and "
                    + improved.perClass().size() + " classes (" + trainCounts.length + " training counts)");
        }
        List<ClassChange> out = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            ClassMetrics a = baseline.perClass().get(c), b = improved.perClass().get(c);
            boolean measured = a.support() > 0 || b.support() > 0;
            out.add(new ClassChange(c, b.name(), trainCounts[c], ClassGroup.of(trainCounts[c]),
                    measured ? b.recall() - a.recall() : Double.NaN, measured ? b.f1() - a.f1() : Double.NaN));
        }
        out.sort(Comparator.comparingInt(ClassChange::trainCount).reversed().thenComparingInt(ClassChange::classId));
        return List.copyOf(out);
    }
}
