package io.counterweight.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    @Test
    void rowsAreTruthColumnsArePredictions() {
        ConfusionMatrix cm = new ConfusionMatrix(3);
        cm.addAll(new int[] {0, 0, 1, 2, 2, 2}, new int[] {0, 1, 1, 0, 2, 2});
        cm.add(1, 2);
        assertArrayEquals(new long[][] {{1, 1, 0}, {0, 1, 1}, {1, 0, 2}}, cm.toArray());
        assertEquals(1, cm.get(0, 1), "true 0 predicted 1");
        assertEquals(0, cm.get(1, 0), "true 1 predicted 0");
        assertEquals(2, cm.support(0));
        assertEquals(2, cm.support(1));
        assertEquals(3, cm.support(2));
        assertEquals(2, cm.predictedCount(0));
        assertEquals(2, cm.predictedCount(1));
        assertEquals(3, cm.predictedCount(2));
        assertEquals(7, cm.total());
        assertEquals(4, cm.correct());
    }

    @Test
    void copiesAreDeepAndEqualityIsByCounts() {
        long[][] counts = {{3, 1}, {0, 2}};
        ConfusionMatrix cm = ConfusionMatrix.of(counts);
        counts[0][0] = 99;
        assertEquals(3, cm.get(0, 0), "of() copies its input");
        long[][] out = cm.toArray();
        out[1][1] = 99;
        assertEquals(2, cm.get(1, 1), "toArray() returns a copy");
        ConfusionMatrix copy = cm.copy();
        assertEquals(cm, copy);
        assertEquals(cm.hashCode(), copy.hashCode());
        copy.add(0, 1);
        assertNotEquals(cm, copy);
        assertEquals(1, cm.get(0, 1));
    }

    @Test
    void rejectsBadShapes() {
        assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(0));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new long[][] {{1, 2}, {3}}));
    }
}
