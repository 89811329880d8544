package io.counterweight.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetFingerprintTest {

    @Test
    void sixteenHexDigitsThatFollowTheContent() {
        Dataset d = DataSelectionTest.balanced(3, 4);
        String f = DatasetFingerprint.of(d);
        assertTrue(f.matches("[0-9a-f]{16}"), f);
        assertEquals(f, DatasetFingerprint.of(DataSelectionTest.balanced(3, 4)));
        // One pixel, one label or one class name changes it.
        byte[][] images = new byte[d.train().size()][];
        for (int i = 0; i < images.length; i++) images[i] = d.train().image(i).clone();
        images[5][2] ^= 1;
        Dataset pixel = d.withSplits(new ImageSplit(d.shape(), images, d.train().labels()), d.test());
        assertNotEquals(f, DatasetFingerprint.of(pixel));
        int[] labels = d.train().labels();
        labels[0] = 2;
        Dataset label = d.withSplits(new ImageSplit(d.shape(), images, labels), d.test());
        assertNotEquals(DatasetFingerprint.of(pixel), DatasetFingerprint.of(label));
        Dataset renamed = new Dataset(d.name(), d.format(), List.of("x", "c1", "c2"), d.train(), d.test());
        assertNotEquals(f, DatasetFingerprint.of(renamed));
    }

    @Test
    void pinnedForTheDemoSet() {
        // Runs store this fingerprint, so no change of the in-memory layout may change it: the value was
        // computed when each image was still its own byte[] (and for Fashion-MNIST, d8155d16c4f9de66, both ways).
        assertEquals("f9f185dc29f053ba", DatasetFingerprint.of(DemoDataset.generate(42)));
    }

    @Test
    void fastOnACifar100SizedSet() {
        // 60,000 images of 3,072 bytes, as CIFAR-100 (train + test); the bound leaves room for slow CI machines.
        byte[] shared = Fixtures.pixels(3072, 1, 1);
        byte[][] images = new byte[60_000][];
        java.util.Arrays.fill(images, shared);
        ImageSplit split = new ImageSplit(new ImageShape(3, 32, 32), images, new int[60_000]);
        Dataset d = new Dataset("big", DatasetFormat.CIFAR100, List.of("a"), split, ImageSplit.empty(split.shape()));
        long start = System.nanoTime();
        DatasetFingerprint.of(d);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 2000, "took " + millis + " ms");
    }
}
