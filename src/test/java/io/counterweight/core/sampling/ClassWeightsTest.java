package io.counterweight.core.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.CounterweightException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassWeightsTest {

    @Test
    void inverseFrequencyMakesWeightTimesCountEqualAndLargestClassOne() {
        int[] counts = {500, 320, 203, 129, 82, 52, 33, 21, 13, 8, 5, 3, 2, 1};
        double[] w = ClassWeights.inverseFrequency(counts);
        assertEquals(1.0, w[0], 0.0);
        for (int c = 0; c < counts.length; c++) assertEquals(500.0, w[c] * counts[c], 1e-12, "class " + c);
    }

    @Test
    void largestClassNeedNotBeFirstAndEmptyClassGetsZero() {
        int[] counts = {7, 0, 21, 3};
        double[] w = ClassWeights.compute(counts, WeightMode.INVERSE_FREQUENCY, 0.999);
        assertArrayEquals(new double[] {3.0, 0.0, 1.0, 7.0}, w, 1e-12);
        double[] e = ClassWeights.compute(counts, WeightMode.EFFECTIVE_NUMBER, 0.999);
        assertEquals(0.0, e[1], 0.0);
        assertEquals(1.0, e[2], 0.0);
    }

    @Test
    void effectiveNumberMatchesHandComputedValues() {
        int[] counts = {500, 50, 5};
        // (1 − β^500) / (1 − β^n), evaluated with 50-digit decimals.
        assertArrayEquals(new double[] {1.0, 1.0051804742068495, 2.4419428096993968},
                ClassWeights.effectiveNumber(counts, 0.9), 1e-12);
        assertArrayEquals(new double[] {1.0, 8.0669356033161818, 78.881816976948984},
                ClassWeights.effectiveNumber(counts, 0.999), 1e-10);
    }

    @Test
    void effectiveNumberSpansUniformToInverseFrequency() {
        int[] counts = {500, 50, 5};
        assertArrayEquals(new double[] {1, 1, 1}, ClassWeights.effectiveNumber(counts, 0.0), 0.0);
        assertArrayEquals(new double[] {1, 1, 1}, ClassWeights.effectiveNumber(counts, 1e-6), 1e-5);
        double[] nearOne = ClassWeights.effectiveNumber(counts, 1 - 1e-9);
        assertArrayEquals(new double[] {1, 10, 100}, nearOne, 1e-4);
    }

    @Test
    void userErrorsAreOneLineCounterweightExceptions() {
        var empty = assertThrows(CounterweightException.class,
                () -> ClassWeights.compute(new int[] {0, 0}, WeightMode.INVERSE_FREQUENCY, 0.9));
        assertTrue(empty.getMessage().contains("every class is empty"));
        var beta = assertThrows(CounterweightException.class,
                () -> ClassWeights.compute(new int[] {3, 1}, WeightMode.EFFECTIVE_NUMBER, 1.0));
        assertTrue(beta.getMessage().contains("--beta"));
        assertThrows(IllegalArgumentException.class, () -> ClassWeights.inverseFrequency(new int[] {3, -1}));
    }

    @Test
    void tableShowsCountsWeightsAndEqualDrawShares() {
        ClassWeightTable t = ClassWeightTable.of(List.of("cat", "dog", "emu"), new int[] {100, 10, 1},
                WeightMode.INVERSE_FREQUENCY, 0.999);
        assertArrayEquals(new double[] {1, 10, 100}, t.weights(), 1e-12);
        assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, t.drawShares(), 1e-12);
        String[] rows = t.toText().split("\n");
        assertEquals(3, rows.length);
        assertTrue(rows[1].matches("count\\s+100\\s+10\\s+1"), rows[1]);
        assertTrue(rows[2].matches("weight\\s+1\\.000\\s+10\\.00\\s+100\\.0"), rows[2]);
        assertThrows(CounterweightException.class,
                () -> ClassWeightTable.of(List.of("a"), new int[] {1, 2}, WeightMode.INVERSE_FREQUENCY, 0.9));
    }
}
