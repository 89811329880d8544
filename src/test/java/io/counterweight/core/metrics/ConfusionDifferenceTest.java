package io.counterweight.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionDifferenceTest {
    private static final double EPS = 1e-12;

    @Test
    void subtractsTheRowNormalisedMatrices() {
        // baseline rows 3/4 1/4 and 2/4 2/4; improved 2/4 2/4 and 1/4 3/4
        ConfusionMatrix baseline = ConfusionMatrix.of(new long[][] {{3, 1}, {2, 2}});
        ConfusionMatrix improved = ConfusionMatrix.of(new long[][] {{2, 2}, {1, 3}});
        ConfusionDifference d = ConfusionDifference.of(baseline, improved);
        assertEquals(-0.25, d.delta(0, 0), EPS);
        assertEquals(0.25, d.delta(0, 1), EPS);
        assertEquals(-0.25, d.delta(1, 0), EPS);
        assertEquals(0.25, d.delta(1, 1), EPS);
        assertEquals(0.75, d.baselineRate(0, 0), EPS);
        assertEquals(0.5, d.improvedRate(0, 0), EPS);
        assertEquals(0.25, d.maxAbs(), EPS);
    }

    @Test
    void normalisesRowsOfDifferentSizesBeforeSubtracting() {
        // 10 test images of class 0 in the baseline, 2 in the improved run: rates, not counts, are compared
        ConfusionMatrix baseline = ConfusionMatrix.of(new long[][] {{5, 5}, {0, 4}});
        ConfusionMatrix improved = ConfusionMatrix.of(new long[][] {{2, 0}, {1, 3}});
        ConfusionDifference d = ConfusionDifference.of(baseline, improved);
        assertEquals(0.5, d.delta(0, 0), EPS);
        assertEquals(-0.5, d.delta(0, 1), EPS);
        assertEquals(0.25, d.delta(1, 0), EPS);
        assertEquals(-0.25, d.delta(1, 1), EPS);
    }

    @Test
    void aRowWithoutTestImagesHasNoDifference() {
        ConfusionMatrix baseline = ConfusionMatrix.of(new long[][] {{4, 0, 0}, {0, 0, 0}, {1, 1, 2}});
        ConfusionMatrix improved = ConfusionMatrix.of(new long[][] {{2, 2, 0}, {0, 0, 0}, {0, 1, 3}});
        ConfusionDifference d = ConfusionDifference.of(baseline, improved);
        for (int p = 0; p < 3; p++) assertTrue(Double.isNaN(d.delta(1, p)), "row 1, column " + p);
        assertEquals(-0.5, d.delta(0, 0), EPS);
        assertEquals(0.5, d.delta(0, 1), EPS);
        assertEquals(0.0, d.delta(0, 2), EPS);
        assertEquals(-0.25, d.delta(2, 0), EPS);
        assertEquals(0.0, d.delta(2, 1), EPS);
        assertEquals(0.25, d.delta(2, 2), EPS);
        assertEquals(0.5, d.maxAbs(), EPS, "NaN rows do not count");
    }

    @Test
    void aRowWithImagesInOnlyOneRunHasNoDifferenceEither() {
        ConfusionMatrix baseline = ConfusionMatrix.of(new long[][] {{1, 1}, {0, 0}});
        ConfusionMatrix improved = ConfusionMatrix.of(new long[][] {{1, 1}, {0, 3}});
        ConfusionDifference d = ConfusionDifference.of(baseline, improved);
        assertTrue(Double.isNaN(d.delta(1, 1)));
        assertEquals(0.0, d.delta(0, 0), EPS);
        assertEquals(0.0, d.maxAbs(), EPS);
    }

    @Test
    void differentClassCountsAreRefusedWithAClearMessage() {
        var e = assertThrows(IllegalArgumentException.class, () -> ConfusionDifference.of(new ConfusionMatrix(3), new ConfusionMatrix(2)));
        assertEquals("cannot subtract confusion matrices of 2 and 3 classes: the runs were trained on different class sets",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConfusionDifference.of(null, new ConfusionMatrix(2)));
    }

    @Test
    void classChangesAreOrderedByTrainingImagesWithTheirGroup() {
        List<String> names = List.of("a", "b", "c");
        int[] train = {15, 500, 60};
        // baseline: a 1/2 right, b 2/2, c 0/2; improved: a 2/2, b 1/2, c 1/2
        ClassificationReport base = ClassificationReport.of(ConfusionMatrix.of(new long[][] {{1, 1, 0}, {0, 2, 0}, {0, 2, 0}}), names, train);
        ClassificationReport better = ClassificationReport.of(ConfusionMatrix.of(new long[][] {{2, 0, 0}, {1, 1, 0}, {0, 1, 1}}), names, train);
        List<ClassChange> changes = ClassChange.of(base, better, train);
        assertEquals(List.of("b", "c", "a"), changes.stream().map(ClassChange::name).toList());
        assertEquals(List.of(ClassGroup.HEAD, ClassGroup.MEDIUM, ClassGroup.TAIL), changes.stream().map(ClassChange::group).toList());
        assertEquals(-0.5, changes.get(0).recallDelta(), EPS);
        assertEquals(0.5, changes.get(1).recallDelta(), EPS);
        assertEquals(0.5, changes.get(2).recallDelta(), EPS);
        // a: baseline P 1, R 1/2, F1 2/3; improved P 2/3, R 1, F1 4/5
        assertEquals(4.0 / 5 - 2.0 / 3, changes.get(2).f1Delta(), EPS);
        // b: baseline P 2/5, R 1, F1 4/7; improved P 1/2, R 1/2, F1 1/2
        assertEquals(0.5 - 4.0 / 7, changes.get(0).f1Delta(), EPS);
        assertEquals("tail (<20)", ClassGroup.TAIL.label());
        assertEquals(ClassGroup.MEDIUM, ClassGroup.of(20));
        assertEquals(ClassGroup.MEDIUM, ClassGroup.of(100));
        assertEquals(ClassGroup.HEAD, ClassGroup.of(101));
        assertEquals(ClassGroup.TAIL, ClassGroup.of(19));
    }

    @Test
    void classChangesRefuseReportsOfDifferentSizes() {
        ClassificationReport two = ClassificationReport.of(new ConfusionMatrix(2), List.of("a", "b"), null);
        ClassificationReport three = ClassificationReport.of(new ConfusionMatrix(3), List.of("a", "b", "c"), null);
        assertThrows(IllegalArgumentException.class, () -> ClassChange.of(two, three, new int[] {1, 2}));
    }
}
