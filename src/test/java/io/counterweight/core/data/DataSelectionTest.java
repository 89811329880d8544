package io.counterweight.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.CounterweightException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataSelectionTest {
    private static final ImageShape SHAPE = new ImageShape(1, 2, 2);

    /** A balanced CIFAR-100-like set: {@code perClass} train and 3 test images of each class, pixels = unique ids. */
    static Dataset balanced(int classes, int perClass) {
        int n = classes * perClass;
        byte[][] images = new byte[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes; // interleaved, as real data sets are
            images[i] = new byte[] {(byte) i, (byte) (i >> 8), (byte) (i >> 16), 1};
        }
        int m = classes * 3;
        byte[][] testImages = new byte[m][];
        int[] testLabels = new int[m];
        for (int i = 0; i < m; i++) {
            testLabels[i] = i % classes;
            testImages[i] = new byte[] {(byte) i, 0, 0, 2};
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) names.add("c" + c);
        return new Dataset("toy", DatasetFormat.CIFAR100, names, new ImageSplit(SHAPE, images, labels), new ImageSplit(SHAPE, testImages, testLabels));
    }

    @Test
    void cifar50LongTailCountsOfTheStudy() {
        Dataset d = DataSelection.apply(balanced(100, 500), 50, 0.02, List.of(), 11);
        assertEquals(50, d.numClasses());
        assertEquals("c49", d.classNames().get(49));
        assertArrayEquals(LongTail.counts(50, 500, 0.02), d.trainCounts());
        assertEquals(6369, d.train().size());
        int[] balancedTest = new int[50];
        Arrays.fill(balancedTest, 3);
        assertArrayEquals(balancedTest, d.testCounts());
    }

    @Test
    void sameSeedSameImagesAndSteeperTailIsASubset() {
        Dataset full = balanced(10, 100);
        Dataset a = DataSelection.apply(full, 0, 0.1, null, 3);
        Dataset b = DataSelection.apply(full, 0, 0.1, null, 3);
        assertEquals(DatasetFingerprint.of(a), DatasetFingerprint.of(b));
        assertNotEquals(DatasetFingerprint.of(a), DatasetFingerprint.of(DataSelection.apply(full, 0, 0.1, null, 4)));
        Set<String> mild = ids(a.train());
        Set<String> steep = ids(DataSelection.apply(full, 0, 0.02, null, 3).train());
        assertTrue(mild.containsAll(steep));
        assertTrue(steep.size() < mild.size());
    }

    @Test
    void keptImagesKeepTheirLabels() {
        Dataset full = balanced(4, 50);
        Dataset d = DataSelection.apply(full, 0, 0.1, null, 9);
        for (int i = 0; i < d.train().size(); i++) {
            byte[] img = d.train().image(i);
            int id = (img[0] & 0xFF) | (img[1] & 0xFF) << 8;
            assertEquals(id % 4, d.train().label(i));
        }
    }

    @Test
    void perClassCountsLikeTheIdcSubset() {
        Dataset full = balanced(2, 900);
        Dataset d = DataSelection.apply(full, 0, 1.0, List.of(772, 76), 1);
        assertArrayEquals(new int[] {772, 76}, d.trainCounts());
        assertArrayEquals(new int[] {3, 3}, d.testCounts());
        CounterweightException e = assertThrows(CounterweightException.class, () -> DataSelection.apply(full, 0, 1.0, List.of(901, 76), 1));
        assertEquals("--per-class: class 'c0' has 900 training images, 901 asked for", e.getMessage());
        e = assertThrows(CounterweightException.class, () -> DataSelection.apply(full, 0, 1.0, List.of(5, 5, 5), 1));
        assertEquals("--per-class: 3 counts given for 2 classes", e.getMessage());
    }

    @Test
    void nothingAskedLeavesTheDataSetAlone() {
        Dataset full = balanced(3, 10);
        assertSame(full, DataSelection.apply(full, 0, 1.0, List.of(), 1));
        CounterweightException e = assertThrows(CounterweightException.class, () -> DataSelection.apply(full, 4, 1.0, List.of(), 1));
        assertEquals("--classes must be 0 (all) or 2..N where N = 3 (the classes in toy), got 4", e.getMessage());
        e = assertThrows(CounterweightException.class, () -> DataSelection.apply(full, 1, 1.0, List.of(), 1));
        assertEquals("--classes must be 0 (all) or 2..N where N = 3 (the classes in toy), got 1", e.getMessage(), "one wording for 1 and for too many");
    }

    @Test
    void classShorterThanItsTargetKeepsAll() {
        Dataset full = balanced(3, 10);
        // Drop most of class 1: only 2 images left, the tail asks for floor(10 * 0.5^0.5) = 7.
        int[] keep = java.util.stream.IntStream.range(0, 30).filter(i -> i % 3 != 1 || i < 6).toArray();
        Dataset thin = full.withSplits(full.train().select(keep), full.test());
        Dataset d = DataSelection.apply(thin, 0, 0.5, null, 1);
        assertArrayEquals(new int[] {10, 2, 5}, d.trainCounts());
    }

    private static Set<String> ids(ImageSplit s) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < s.size(); i++) out.add(Arrays.toString(s.image(i)));
        return out;
    }

    @Test
    void maxPerClassStartsTheLongTailFromTheCap() {
        Dataset d = DataSelection.apply(balanced(10, 300), 0, 0.1, List.of(), 100, 5);
        assertArrayEquals(LongTail.counts(10, 100, 0.1), d.trainCounts());
        assertEquals(100, d.trainCounts()[0]);
        assertEquals(10, d.trainCounts()[9]);
        assertArrayEquals(DataSelection.apply(balanced(10, 300), 0, 1.0, List.of(), 0, 5).testCounts(), d.testCounts(),
                "the test split stays as loaded");
    }

    @Test
    void maxPerClassAloneCapsEveryClass() {
        Dataset full = balanced(4, 50);
        Dataset d = DataSelection.apply(full, 0, 1.0, List.of(), 20, 5);
        assertArrayEquals(new int[] {20, 20, 20, 20}, d.trainCounts());
        assertSame(full, DataSelection.apply(full, 0, 1.0, List.of(), 50, 5), "a cap no class reaches changes nothing");
        assertThrows(CounterweightException.class, () -> DataSelection.apply(full, 0, 1.0, List.of(), -1, 5));
    }
}
