package io.counterweight.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every expected value is a fraction read off the matrix by hand (F1 = 2·TP / (predicted + support)). */
class ClassificationReportTest {
    private static final List<String> NAMES = List.of("head", "medium", "tail");
    private static final int[] TRAIN = {500, 50, 5};
    private static final double EPS = 1e-12;

    private static void assertClass(ClassMetrics m, double precision, double recall, double f1, long support) {
        assertEquals(precision, m.precision(), EPS, m.name() + " precision");
        assertEquals(recall, m.recall(), EPS, m.name() + " recall");
        assertEquals(f1, m.f1(), EPS, m.name() + " f1");
        assertEquals(support, m.support(), m.name() + " support");
    }

    @Test
    void allMetricsOfAFullThreeByThreeMatrix() {
        // column sums (predicted) 64, 24, 12; row sums (support) 55, 35, 10; 75 of 100 correct
        ConfusionMatrix cm = ConfusionMatrix.of(new long[][] {{50, 3, 2}, {10, 20, 5}, {4, 1, 5}});
        ClassificationReport r = ClassificationReport.of(cm, NAMES, TRAIN);
        assertClass(r.perClass().get(0), 50.0 / 64, 50.0 / 55, 100.0 / 119, 55);
        assertClass(r.perClass().get(1), 20.0 / 24, 20.0 / 35, 40.0 / 59, 35);
        assertClass(r.perClass().get(2), 5.0 / 12, 5.0 / 10, 10.0 / 22, 10);
        assertEquals("tail", r.perClass().get(2).name());
        assertEquals(0.75, r.accuracy(), EPS);
        assertEquals((100.0 / 119 + 40.0 / 59 + 10.0 / 22) / 3, r.macroF1(), EPS);
        assertEquals((50.0 / 55 + 20.0 / 35 + 5.0 / 10) / 3, r.balancedAccuracy(), EPS);
        assertEquals(50.0 / 55, r.headAccuracy(), EPS);
        assertEquals(20.0 / 35, r.mediumAccuracy(), EPS);
        assertEquals(5.0 / 10, r.tailAccuracy(), EPS);
    }

    @Test
    void aClassNeverPredictedHasPrecisionZeroAndCountsInMacroF1() {
        ConfusionMatrix cm = ConfusionMatrix.of(new long[][] {{8, 2, 0}, {3, 7, 0}, {1, 4, 0}});
        ClassificationReport r = ClassificationReport.of(cm, NAMES, TRAIN);
        assertClass(r.perClass().get(0), 8.0 / 12, 8.0 / 10, 16.0 / 22, 10);
        assertClass(r.perClass().get(1), 7.0 / 13, 7.0 / 10, 14.0 / 23, 10);
        assertClass(r.perClass().get(2), 0, 0, 0, 5);
        assertEquals(15.0 / 25, r.accuracy(), EPS);
        assertEquals((16.0 / 22 + 14.0 / 23 + 0) / 3, r.macroF1(), EPS);
        assertEquals((0.8 + 0.7 + 0) / 3, r.balancedAccuracy(), EPS);
        assertEquals(0.0, r.tailAccuracy(), EPS);
    }

    @Test
    void aClassAbsentFromTheTestSetIsLeftOutOfTheAverages() {
        // class 2 has no test images but is predicted once (a false positive)
        ConfusionMatrix cm = ConfusionMatrix.of(new long[][] {{6, 1, 1}, {2, 4, 0}, {0, 0, 0}});
        ClassificationReport r = ClassificationReport.of(cm, NAMES, TRAIN);
        assertClass(r.perClass().get(0), 6.0 / 8, 6.0 / 8, 12.0 / 16, 8);
        assertClass(r.perClass().get(1), 4.0 / 5, 4.0 / 6, 8.0 / 11, 6);
        assertClass(r.perClass().get(2), 0, 0, 0, 0);
        assertEquals(10.0 / 14, r.accuracy(), EPS);
        assertEquals((12.0 / 16 + 8.0 / 11) / 2, r.macroF1(), EPS);
        assertEquals((6.0 / 8 + 4.0 / 6) / 2, r.balancedAccuracy(), EPS);
        assertTrue(Double.isNaN(r.tailAccuracy()), "the tail group has no test image");
        assertEquals(6.0 / 8, r.headAccuracy(), EPS);
    }

    @Test
    void headMediumTailUseTrainingCountsWithDocumentedBoundaries() {
        // 101 is head; 100 and 20 are medium; 19 is tail. Diagonal 1, 2, 3, 4 of 4 test images each.
        ConfusionMatrix cm = ConfusionMatrix.of(new long[][] {{1, 3, 0, 0}, {2, 2, 0, 0}, {0, 1, 3, 0}, {0, 0, 0, 4}});
        ClassificationReport r = ClassificationReport.of(cm, List.of("a", "b", "c", "d"), new int[] {101, 100, 20, 19});
        assertEquals(1.0 / 4, r.headAccuracy(), EPS);
        assertEquals(5.0 / 8, r.mediumAccuracy(), EPS);
        assertEquals(4.0 / 4, r.tailAccuracy(), EPS);

        ClassificationReport onlyHead = ClassificationReport.of(cm, List.of("a", "b", "c", "d"), new int[] {500, 400, 300, 200});
        assertEquals(10.0 / 16, onlyHead.headAccuracy(), EPS);
        assertTrue(Double.isNaN(onlyHead.mediumAccuracy()) && Double.isNaN(onlyHead.tailAccuracy()));

        ClassificationReport noCounts = ClassificationReport.of(cm, List.of("a", "b", "c", "d"), null);
        assertTrue(Double.isNaN(noCounts.headAccuracy()));
        assertEquals(10.0 / 16, noCounts.accuracy(), EPS);
    }

    @Test
    void anEmptyMatrixReportsZerosNotNaN() {
        ClassificationReport r = ClassificationReport.of(new ConfusionMatrix(3), NAMES, TRAIN);
        assertEquals(0.0, r.accuracy(), 0.0);
        assertEquals(0.0, r.macroF1(), 0.0);
        assertEquals(0.0, r.balancedAccuracy(), 0.0);
    }

    @Test
    void groupLabelsFollowTheThresholds() {
        assertEquals(List.of(">100", "20-100", "<20"), ClassificationReport.groupLabels());
        assertEquals(ClassificationReport.groupLabels(ClassificationReport.HEAD_MIN_EXCLUSIVE, ClassificationReport.TAIL_MAX_EXCLUSIVE),
                ClassificationReport.groupLabels(), "the labels come from the constants");
        assertEquals(List.of(">50", "10-50", "<10"), ClassificationReport.groupLabels(50, 10), "other thresholds, other labels");
    }
}
