package io.counterweight.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderReaderTest {
    @TempDir Path tmp;
    private static final ImageShape RGB = new ImageShape(3, 8, 6);

    /** Class folders "cat" (n cats) and "dog" (m dogs) of 6×8 RGB PNGs with traceable pixels. */
    private Path twoClasses(Path root, int cats, int dogs) throws Exception {
        for (int i = 0; i < cats; i++) Fixtures.png(root.resolve("cat/c" + i + ".png"), Fixtures.pixels(RGB.size(), i, 0), RGB);
        for (int i = 0; i < dogs; i++) Fixtures.png(root.resolve("dog/d" + i + ".png"), Fixtures.pixels(RGB.size(), 100 + i, 1), RGB);
        return root;
    }

    @Test
    void splitsEachClassTwentyPercentToTest() throws Exception {
        Path root = twoClasses(tmp.resolve("pets"), 10, 3);
        Files.writeString(root.resolve("cat/notes.txt"), "ignored");
        Dataset d = FolderReader.read(root, 0, 7, Progress.NONE);
        assertEquals(List.of("cat", "dog"), d.classNames());
        assertEquals(RGB, d.shape());
        assertArrayEquals(new int[] {8, 2}, d.trainCounts());
        assertArrayEquals(new int[] {2, 1}, d.testCounts());
        assertEquals("pets", d.name());
        // Every file lands in exactly one split, pixel-exact.
        Set<String> seen = new HashSet<>();
        for (ImageSplit s : List.of(d.train(), d.test())) {
            for (int i = 0; i < s.size(); i++) seen.add(java.util.Arrays.toString(s.image(i)));
        }
        assertEquals(13, seen.size());
        assertTrue(seen.contains(java.util.Arrays.toString(Fixtures.pixels(RGB.size(), 102, 1))));
    }

    @Test
    void splitDependsOnTheSeedOnly() throws Exception {
        Path root = twoClasses(tmp.resolve("pets"), 20, 2);
        Dataset a = FolderReader.read(root, 0, 1, Progress.NONE);
        Dataset b = FolderReader.read(root, 0, 1, Progress.NONE);
        assertEquals(DatasetFingerprint.of(a), DatasetFingerprint.of(b));
        // Some other seed picks other test images (20 choose 4 = 4845 ways: a clash of all 5 is vanishingly rare).
        Set<String> fingerprints = new HashSet<>();
        for (long seed = 1; seed <= 5; seed++) fingerprints.add(DatasetFingerprint.of(FolderReader.read(root, 0, seed, Progress.NONE)));
        assertTrue(fingerprints.size() > 1);
    }

    @Test
    void usesTrainAndTestFoldersWhenPresent() throws Exception {
        Path root = tmp.resolve("split");
        twoClasses(root.resolve("train"), 2, 2);
        Fixtures.png(root.resolve("test/dog/x.png"), Fixtures.pixels(RGB.size(), 7, 1), RGB);
        Dataset d = FolderReader.read(root, 0, 1, Progress.NONE);
        assertArrayEquals(new int[] {2, 2}, d.trainCounts());
        assertArrayEquals(new int[] {0, 1}, d.testCounts());
        assertArrayEquals(Fixtures.pixels(RGB.size(), 7, 1), d.test().image(0));
    }

    @Test
    void resizesToImageSizeAndDetectsGray() throws Exception {
        Path root = tmp.resolve("gray");
        ImageShape gray = new ImageShape(1, 4, 4);
        for (int i = 0; i < 3; i++) {
            Fixtures.png(root.resolve("a/" + i + ".png"), Fixtures.pixels(16, i, 0), gray);
            byte[] flat = new byte[16];
            java.util.Arrays.fill(flat, (byte) (40 * i));
            Fixtures.png(root.resolve("b/" + i + ".png"), flat, gray);
        }
        Dataset d = FolderReader.read(root, 8, 3, Progress.NONE);
        assertEquals(new ImageShape(1, 8, 8), d.shape());
        // A flat image stays flat through the bilinear resize.
        for (int i = 0; i < d.train().size(); i++) {
            if (d.train().label(i) != 1) continue;
            byte[] img = d.train().image(i);
            for (byte b : img) assertEquals(img[0], b);
        }
        // One colour image makes the whole set RGB.
        Fixtures.solidPng(root.resolve("b/red.png"), 4, 4, 0xFF0000);
        assertEquals(3, FolderReader.read(root, 0, 3, Progress.NONE).shape().channels());
    }

    @Test
    void readsJpegsAlongsidePngs() throws Exception {
        Path root = twoClasses(tmp.resolve("mixed"), 2, 2);
        java.awt.image.BufferedImage orange = new java.awt.image.BufferedImage(6, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) for (int x = 0; x < 6; x++) orange.setRGB(x, y, 0xF08020);
        assertTrue(javax.imageio.ImageIO.write(orange, "jpg", root.resolve("dog/photo.JPG").toFile()));
        Dataset d = FolderReader.read(root, 0, 1, Progress.NONE);
        assertEquals(5, d.train().size() + d.test().size());
        ImageSplit withJpeg = null;
        int index = -1;
        for (ImageSplit s : List.of(d.train(), d.test())) {
            for (int i = 0; i < s.size(); i++) {
                if (Math.abs((s.image(i)[0] & 0xFF) - 0xF0) <= 6 && Math.abs((s.image(i)[48] & 0xFF) - 0x80) <= 6) {
                    withJpeg = s;
                    index = i;
                }
            }
        }
        assertTrue(withJpeg != null, "the JPEG's colour (lossy, within 6 levels) is found");
        assertEquals(1, withJpeg.label(index));
    }

    @Test
    void corruptImageIsNamed() throws Exception {
        Path root = twoClasses(tmp.resolve("pets"), 2, 2);
        Path bad = root.resolve("dog/broken.png");
        byte[] good = Files.readAllBytes(root.resolve("dog/d0.png"));
        Files.write(bad, java.util.Arrays.copyOf(good, 30));
        CounterweightException e = assertThrows(CounterweightException.class, () -> FolderReader.read(root, 0, 1, Progress.NONE));
        assertTrue(e.getMessage().startsWith(bad + ": "), e.getMessage());
    }

    @Test
    void emptyClassFolderIsNamed() throws Exception {
        Path root = twoClasses(tmp.resolve("pets"), 2, 2);
        Files.createDirectories(root.resolve("emu"));
        Files.writeString(root.resolve("emu/readme.md"), "no pictures yet");
        CounterweightException e = assertThrows(CounterweightException.class, () -> FolderReader.read(root, 0, 1, Progress.NONE));
        assertEquals(root.resolve("emu") + ": class folder has no images", e.getMessage());
    }

    @Test
    void cancelStopsTheRead() throws Exception {
        Path root = twoClasses(tmp.resolve("pets"), 150, 100);
        Progress cancelled = new Progress() {
            @Override public void update(String message, long done, long total) { }
            @Override public boolean isCancelled() { return true; }
        };
        CounterweightException e = assertThrows(CounterweightException.class, () -> FolderReader.read(root, 0, 1, cancelled));
        assertEquals("cancelled", e.getMessage());
        assertNotEquals(0, FolderReader.read(root, 0, 1, Progress.NONE).train().size());
    }
}
