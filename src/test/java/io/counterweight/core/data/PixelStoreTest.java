package io.counterweight.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PixelStoreTest {

    /** Image i of {@code bytes} bytes, distinct for every i. */
    private static byte[] image(int i, int bytes) {
        return Fixtures.pixels(bytes, i, 3);
    }

    private static PixelStore store(int images, int bytes, long expected, boolean exact, int chunkBytes) {
        PixelStore.Builder b = new PixelStore.Builder(bytes, expected, exact, chunkBytes);
        for (int i = 0; i < images; i++) b.append(image(i, bytes), 0);
        return b.build();
    }

    @ParameterizedTest(name = "{0} images of {1} bytes, chunks of {2} bytes, expected {3} (exact {4}) -> {5} chunks")
    @CsvSource({
        "6, 4, 12, 6, true, 2",      // each chunk exactly full
        "10, 3, 9, 10, true, 4",     // 3 + 3 + 3 + 1
        "10, 3, 9, -1, false, 4",    // unknown count: the last chunk grows as images arrive
        "10, 3, 9, 1000, false, 4",  // an overstated count
        "5, 8, 4, 5, true, 5",       // an image larger than a chunk: one per chunk
        "5000, 1000, 4194304, -1, false, 4",     // chunks of 1,048, 1,048, 2,096, then 808 of 4,192 (cut at the end)
        "3000, 1000, 4194304, 100000, false, 3", // 1,048, 1,048, 904 of 2,096: no larger than the images that came
        "9000, 1000, 4194304, 9000, true, 3",    // 4,194, 4,194, 612: each allocated at its final size
        "0, 8, 64, 0, true, 0",
    })
    void everyImageReadsBackAcrossChunkBoundaries(int images, int bytes, int chunkBytes, long expected, boolean exact, int chunks) {
        PixelStore s = store(images, bytes, expected, exact, chunkBytes);
        assertEquals(images, s.size());
        assertEquals(chunks, s.chunkCount());
        assertEquals((long) images * bytes, s.allocatedBytes(), "no room left over once built");
        byte[] dst = new byte[bytes + 2];
        for (int i = 0; i < images; i++) {
            assertArrayEquals(image(i, bytes), s.image(i), "image " + i);
            s.copyInto(i, dst, 2);
            assertArrayEquals(image(i, bytes), java.util.Arrays.copyOfRange(dst, 2, bytes + 2), "image " + i + " copied at an offset");
        }
        assertThrows(IndexOutOfBoundsException.class, () -> s.copyInto(images, dst, 0));
    }

    @Test
    void manyImagesFillManyFullChunks() {
        // 1,000 images of 100 bytes in 1 KB chunks: 100 chunks of 10, growing from nothing (the folder case).
        PixelStore s = store(1000, 100, -1, false, 1000);
        assertEquals(100, s.chunkCount());
        for (int i : new int[] {0, 9, 10, 11, 499, 990, 999}) assertArrayEquals(image(i, 100), s.image(i));
    }

    @Test
    void imageIsAFreshCopy() {
        PixelStore s = store(2, 4, 2, true, 64);
        s.image(1)[0] ^= 1;
        assertArrayEquals(image(1, 4), s.image(1));
    }

    @Test
    void wrongSizedImagesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PixelStore.of(4, new byte[][] {new byte[4], new byte[5]}));
    }

    @Test
    void selectAndRelabelShareTheStoreAndMapRows() {
        ImageShape shape = new ImageShape(1, 2, 2);
        byte[][] images = new byte[6][];
        for (int i = 0; i < images.length; i++) images[i] = image(i, 4);
        ImageSplit split = new ImageSplit(shape, images, new int[] {0, 1, 2, 0, 1, 2}, new String[] {"a", "b", "c", "d", "e", "f"});
        ImageSplit picked = split.select(new int[] {5, 1, 3, 3});
        assertSame(split.store(), picked.store());
        assertArrayEquals(new int[] {2, 1, 0, 0}, picked.labels());
        assertEquals("b", picked.group(1));
        assertArrayEquals(image(5, 4), picked.image(0));
        assertArrayEquals(image(3, 4), picked.image(3));
        assertEquals(4 * 4, picked.pixelBytes());
        // A selection of a selection maps through both.
        ImageSplit again = picked.select(new int[] {1, 0});
        assertSame(split.store(), again.store());
        assertArrayEquals(image(1, 4), again.image(0));
        assertArrayEquals(image(5, 4), again.image(1));
        // Classes 0 and 2 dropped, 1 becomes 0: images 1 and 4 remain.
        ImageSplit relabelled = split.relabel(new int[] {-1, 0, -1});
        assertSame(split.store(), relabelled.store());
        assertArrayEquals(new int[] {0, 0}, relabelled.labels());
        assertArrayEquals(image(4, 4), relabelled.image(1));
        assertThrows(IndexOutOfBoundsException.class, () -> split.select(new int[] {6}));
    }
}
