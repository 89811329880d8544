package io.counterweight.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {
    @TempDir Path tmp;

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void readsImagesAndLabels(boolean gz) throws Exception {
        Path dir = tmp.resolve("mnist");
        Fixtures.idx(dir, "train", new int[] {3, 1, 4, 1, 5}, 6, 5, gz);
        Fixtures.idx(dir, "t10k", new int[] {9, 2}, 6, 5, gz);
        Dataset d = IdxReader.read(dir, Progress.NONE);
        assertEquals(DatasetFormat.IDX, d.format());
        assertEquals(new ImageShape(1, 6, 5), d.shape());
        assertArrayEquals(new int[] {3, 1, 4, 1, 5}, d.train().labels());
        assertArrayEquals(new int[] {9, 2}, d.test().labels());
        assertArrayEquals(Fixtures.pixels(30, 2, 4), d.train().image(2));
        assertArrayEquals(Fixtures.pixels(30, 1, 2), d.test().image(1));
        assertEquals(Arrays.asList("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), d.classNames());
        assertEquals("MNIST", d.name());
    }

    @Test
    void fashionFolderGetsFashionNames() throws Exception {
        Path dir = tmp.resolve("fashion-mnist");
        Fixtures.idx(dir, "train", new int[] {0, 9}, 2, 2, true);
        Fixtures.idx(dir, "t10k", new int[] {9}, 2, 2, true);
        Dataset d = IdxReader.read(dir, Progress.NONE);
        assertEquals("Ankle boot", d.classNames().get(9));
        assertEquals("T-shirt/top", d.classNames().get(0));
        assertEquals("Fashion-MNIST", d.name());
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void truncatedImagesFileIsNamed(boolean gz) throws Exception {
        Path dir = tmp.resolve("cut");
        Fixtures.idx(dir, "train", new int[] {1, 2, 3}, 4, 4, false);
        Fixtures.idx(dir, "t10k", new int[] {1}, 4, 4, false);
        Path images = dir.resolve("train-images-idx3-ubyte");
        byte[] all = Files.readAllBytes(images);
        byte[] cut = Arrays.copyOf(all, all.length - 5);
        if (gz) {
            Files.delete(images);
            images = dir.resolve("train-images-idx3-ubyte.gz");
            java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
            try (var out = new java.util.zip.GZIPOutputStream(buf)) {
                out.write(all);
            }
            byte[] zipped = buf.toByteArray();
            Files.write(images, Arrays.copyOf(zipped, zipped.length - 20)); // cut the gzip stream itself
        } else {
            Files.write(images, cut);
        }
        Path file = images;
        CounterweightException e = assertThrows(CounterweightException.class, () -> IdxReader.read(dir, Progress.NONE));
        assertTrue(e.getMessage().startsWith(file + ": truncated"), e.getMessage());
    }

    @Test
    void gzipHeaderOverstatingTheCountFailsWithoutAllocatingIt() throws Exception {
        // 100 images of noise (so the gzip file is large enough for the 1,032:1 bound to allow the claim),
        // a header announcing 60,000 (47 MB), and 60,000 labels to match it.
        Path dir = tmp.resolve("liar");
        int announced = 60_000, present = 100, side = 28;
        Fixtures.idx(dir, "t10k", new int[] {1}, side, side, true);
        Path images = dir.resolve("train-images-idx3-ubyte.gz");
        java.util.Random noise = new java.util.Random(1);
        try (var out = new java.io.DataOutputStream(new java.util.zip.GZIPOutputStream(Files.newOutputStream(images)))) {
            out.writeInt(0x00000803);
            out.writeInt(announced);
            out.writeInt(side);
            out.writeInt(side);
            byte[] pixels = new byte[present * side * side];
            noise.nextBytes(pixels);
            out.write(pixels);
        }
        try (var out = new java.io.DataOutputStream(new java.util.zip.GZIPOutputStream(Files.newOutputStream(dir.resolve("train-labels-idx1-ubyte.gz"))))) {
            out.writeInt(0x00000801);
            out.writeInt(announced);
            out.write(new byte[announced]);
        }
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        CounterweightException e = assertThrows(CounterweightException.class, () -> IdxReader.read(dir, Progress.NONE));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(images + ": truncated: ends inside image 101 of 60000", e.getMessage());
        assertTrue(allocated < 8L << 20, "allocated " + allocated + " bytes for a claim of " + (long) announced * side * side);
    }

    @Test
    void wrongMagicAndMismatchedCountsAreErrors() throws Exception {
        Path dir = tmp.resolve("bad");
        Fixtures.idx(dir, "train", new int[] {1, 2}, 2, 2, false);
        Fixtures.idx(dir, "t10k", new int[] {1}, 2, 2, false);
        // Swap in a labels file with a different count.
        Fixtures.idx(tmp.resolve("other"), "train", new int[] {1, 2, 3}, 2, 2, false);
        Files.copy(tmp.resolve("other/train-labels-idx1-ubyte"), dir.resolve("train-labels-idx1-ubyte"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CounterweightException e = assertThrows(CounterweightException.class, () -> IdxReader.read(dir, Progress.NONE));
        assertEquals(dir.resolve("train-images-idx3-ubyte") + ": holds 2 images but train-labels-idx1-ubyte holds 3 labels", e.getMessage());
        Files.copy(dir.resolve("t10k-labels-idx1-ubyte"), dir.resolve("train-images-idx3-ubyte"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        e = assertThrows(CounterweightException.class, () -> IdxReader.read(dir, Progress.NONE));
        assertTrue(e.getMessage().contains("magic 0x00000801, expected 0x00000803"), e.getMessage());
    }

    @Test
    void missingTestFilesAreNamed() throws Exception {
        Path dir = tmp.resolve("half");
        Fixtures.idx(dir, "train", new int[] {1}, 2, 2, false);
        CounterweightException e = assertThrows(CounterweightException.class, () -> IdxReader.read(dir, Progress.NONE));
        assertTrue(e.getMessage().startsWith(dir.resolve("t10k-images-idx3-ubyte") + "[.gz]: missing"), e.getMessage());
    }
}
