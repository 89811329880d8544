package io.counterweight.app.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.counterweight.core.CounterweightException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text of the Data screen's "exact counts" field: what is taken, and the message for what is not. */
class PerClassCountsTest {
    private static final int[] IDC = {800, 100};
    private static final List<String> NAMES = List.of("no-cancer", "cancer");

    @Test
    void takesCountsWithAnySeparator() {
        assertEquals(List.of(772, 76), PerClassCounts.parse("772, 76", IDC, NAMES, 1, 0));
        assertEquals(List.of(772, 76), PerClassCounts.parse(" 772 / 76 ", IDC, NAMES, 1, 0));
        assertEquals(List.of(800, 1), PerClassCounts.parse("800;1", IDC, NAMES, 1, 0));
        assertEquals(List.of(), PerClassCounts.parse("  ", IDC, NAMES, 1, 0), "blank: as loaded");
        assertEquals("772, 76", PerClassCounts.format(List.of(772, 76)));
    }

    @Test
    void badText() {
        assertEquals("Per-class counts: '7x2' is not a whole number (write e.g. 772, 76)", message("7x2, 76", 1, 0));
        assertEquals("Per-class counts: '76.5' is not a whole number (write e.g. 772, 76)", message("772, 76.5", 1, 0));
        assertEquals("Per-class counts: each class needs at least 1 image, got 0", message("772, 0", 1, 0));
        assertEquals("Per-class counts: each class needs at least 1 image, got -3", message("772 -3", 1, 0));
    }

    @Test
    void oneCountPerClass() {
        assertEquals("Per-class counts: 1 count for 2 classes; give one per class, in class order", message("772", 1, 0));
        assertEquals("Per-class counts: 3 counts for 2 classes; give one per class, in class order", message("1, 2, 3", 1, 0));
    }

    @Test
    void noMoreThanAClassHolds() {
        assertEquals("Per-class counts: class 'cancer' has 100 training images, 101 asked", message("772, 101", 1, 0));
    }

    @Test
    void notTogetherWithALongTailOrNMax() {
        assertEquals("Exact counts replace the long tail: set the imbalance u back to 1 first", message("772, 76", 0.1, 0));
        assertEquals("Exact counts replace n_max: set max per class back to 0 first", message("772, 76", 1, 500));
    }

    private static String message(String text, double imbalance, int maxPerClass) {
        return assertThrows(CounterweightException.class,
                () -> PerClassCounts.parse(text, IDC, NAMES, imbalance, maxPerClass)).getMessage();
    }
}
