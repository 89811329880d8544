package io.counterweight.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LongTailTest {

    @ParameterizedTest(name = "u={0}: total {1}, smallest {2}")
    @CsvSource({"0.1, 9830, 50", "0.02, 6369, 10", "0.005, 4833, 2"})
    void studyTotalsForFiftyClasses(double u, int total, int smallest) {
        int[] counts = LongTail.counts(50, 500, u);
        assertEquals(50, counts.length);
        assertEquals(500, counts[0]);
        assertEquals(smallest, counts[49]);
        assertEquals(total, Arrays.stream(counts).sum());
    }

    @Test
    void countsNeverIncreaseAlongTheLabels() {
        int[] counts = LongTail.counts(50, 500, 0.02);
        for (int x = 1; x < counts.length; x++) {
            assertEquals(true, counts[x] <= counts[x - 1], "class " + x);
        }
    }

    @Test
    void demoProfileOfEightClasses() {
        // floor(500 * 0.02^(x/7)), computed by hand: 0.02^(1/7) = 0.571...
        assertArrayEquals(new int[] {500, 285, 163, 93, 53, 30, 17, 10}, LongTail.counts(8, 500, 0.02));
    }

    @Test
    void ratioOneKeepsEveryClassFull() {
        assertArrayEquals(new int[] {7, 7, 7}, LongTail.counts(3, 7, 1.0));
        assertArrayEquals(new int[] {9}, LongTail.counts(1, 9, 0.1));
    }

    @Test
    void rejectsRatiosOutsideTheUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> LongTail.counts(5, 100, 0));
        assertThrows(IllegalArgumentException.class, () -> LongTail.counts(5, 100, 1.5));
    }
}
