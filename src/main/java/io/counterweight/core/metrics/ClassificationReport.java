package io.counterweight.core.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the study reports, computed from one confusion matrix.
 *
 * <p>Conventions: a class never predicted has precision 0; a class with no test images has recall 0
 * and is left out of macro-F1 and balanced accuracy (they average over classes present in the test
 * set). Head/medium/tail accuracy group classes by their <em>training</em> count with the usual
 * long-tail thresholds (Liu et al., 2019): head &gt; 100 images, medium 20–100, tail &lt; 20; a group
 * with no class is NaN.
 */
public record ClassificationReport(double accuracy, double macroF1, double balancedAccuracy,
                                   double headAccuracy, double mediumAccuracy, double tailAccuracy,
                                   List<ClassMetrics> perClass) {

    public static final int HEAD_MIN_EXCLUSIVE = 100;
    public static final int TAIL_MAX_EXCLUSIVE = 20;

    /** The head, medium and tail groups' training-count ranges, as shown: ">100", "20-100", "<20". */
    public static List<String> groupLabels() {
        return groupLabels(HEAD_MIN_EXCLUSIVE, TAIL_MAX_EXCLUSIVE);
    }

    static List<String> groupLabels(int headMinExclusive, int tailMaxExclusive) {
        return List.of(">" + headMinExclusive, tailMaxExclusive + "-" + headMinExclusive, "<" + tailMaxExclusive);
    }

    /**
     * @param names       class names, in class-id order
     * @param trainCounts training images per class (for head/medium/tail), or null to skip them
     */
    public static ClassificationReport of(ConfusionMatrix cm, List<String> names, int[] trainCounts) {
        int k = cm.numClasses();
        List<ClassMetrics> per = new ArrayList<>(k);
        double f1Sum = 0;
        double recallSum = 0;
        int present = 0;
        for (int c = 0; c < k; c++) {
            long tp = cm.get(c, c);
            long support = cm.support(c);
            long predicted = cm.predictedCount(c);
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = support == 0 ? 0 : (double) tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            per.add(new ClassMetrics(names.get(c), precision, recall, f1, support));
            if (support > 0) {
                present++;
                f1Sum += f1;
                recallSum += recall;
            }
        }
        long total = cm.total();
        double accuracy = total == 0 ? 0 : (double) cm.correct() / total;
        double macroF1 = present == 0 ? 0 : f1Sum / present;
        double balanced = present == 0 ? 0 : recallSum / present;
        double head = Double.NaN, medium = Double.NaN, tail = Double.NaN;
        if (trainCounts != null) {
            head = groupAccuracy(cm, trainCounts, n -> n > HEAD_MIN_EXCLUSIVE);
            medium = groupAccuracy(cm, trainCounts, n -> n >= TAIL_MAX_EXCLUSIVE && n <= HEAD_MIN_EXCLUSIVE);
            tail = groupAccuracy(cm, trainCounts, n -> n < TAIL_MAX_EXCLUSIVE);
        }
        return new ClassificationReport(accuracy, macroF1, balanced, head, medium, tail, List.copyOf(per));
    }

    /** Accuracy over the test images of the classes whose training count passes {@code inGroup}. */
    private static double groupAccuracy(ConfusionMatrix cm, int[] trainCounts, java.util.function.IntPredicate inGroup) {
        long correct = 0, total = 0;
        boolean any = false;
        for (int c = 0; c < cm.numClasses(); c++) {
            if (!inGroup.test(trainCounts[c])) continue;
            any = true;
            correct += cm.get(c, c);
            total += cm.support(c);
        }
        if (!any || total == 0) return Double.NaN;
        return (double) correct / total;
    }
}
