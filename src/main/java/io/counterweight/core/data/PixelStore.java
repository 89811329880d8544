package io.counterweight.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The pixels of many equal-sized images, packed into a few large arrays ("chunks") of at most 32 MB, each
 * holding a whole number of images. Large arrays are what the garbage collector handles cheaply: G1
 * allocates them straight into the old generation and never copies them, where 60,000 small per-image
 * arrays were copied from the young generation in pauses of 70-130 ms (docs/reliability.md, "A responsive
 * window"). Chunks, not one array, so that data sets above 2 GB fit. Immutable once built.
 */
public final class PixelStore {
    /** Chunk size: far above G1's humongous threshold (half a region, 0.5-16 MB), far below 2 GB. */
    static final int CHUNK_BYTES = 32 << 20;

    private final int imageBytes;
    private final int perChunk;
    private final byte[][] chunks;
    private final int size;

    private PixelStore(int imageBytes, int perChunk, byte[][] chunks, int size) {
        this.imageBytes = imageBytes;
        this.perChunk = perChunk;
        this.chunks = chunks;
        this.size = size;
    }

    /** A store holding copies of {@code images}, each {@code imageBytes} long. */
    public static PixelStore of(int imageBytes, byte[][] images) {
        Builder b = new Builder(imageBytes, images.length, true);
        for (byte[] image : images) {
            if (image.length != imageBytes) throw new IllegalArgumentException("image of " + image.length + " bytes, expected " + imageBytes);
            b.append(image, 0);
        }
        return b.build();
    }

    public int size() { return size; }

    public int imageBytes() { return imageBytes; }

    /** Copies image {@code i} to {@code dst[offset ..]}. */
    public void copyInto(int i, byte[] dst, int offset) {
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException("image " + i + " of " + size);
        int chunk = i / perChunk;
        System.arraycopy(chunks[chunk], (i - chunk * perChunk) * imageBytes, dst, offset, imageBytes);
    }

    /** A fresh copy of image {@code i}. */
    public byte[] image(int i) {
        byte[] out = new byte[imageBytes];
        copyInto(i, out, 0);
        return out;
    }

    /** Number of arrays the pixels live in (for tests). */
    int chunkCount() { return chunks.length; }

    /** Bytes of all arrays together (for tests: no room left over once built). */
    long allocatedBytes() {
        long sum = 0;
        for (byte[] chunk : chunks) sum += chunk.length;
        return sum;
    }

    /**
     * Collects images one after another into chunks. With an exact count each chunk is allocated once at its
     * final size. With an upper bound that may be a lie (a gzip file's header) or no count at all, a new
     * chunk starts no larger than what has arrived so far (at least 1 MB) and doubles as images arrive, so
     * memory follows the data, not the claim; full chunks are never copied again.
     */
    public static final class Builder {
        private static final int START_BYTES = 1 << 20;
        private final int imageBytes;
        private final int perChunk;
        private final long expected;
        private final boolean exact;
        private final List<byte[]> chunks = new ArrayList<>();
        private byte[] current = new byte[0];
        private int inCurrent;
        private int size;

        /**
         * @param expected how many images are coming (negative: unknown)
         * @param exact    true when {@code expected} is known to be right (file sizes, a decoded array), false
         *                 when it is only a claim to be proved by the data
         */
        public Builder(int imageBytes, long expected, boolean exact) {
            this(imageBytes, expected, exact, CHUNK_BYTES);
        }

        Builder(int imageBytes, long expected, boolean exact, int chunkBytes) {
            if (imageBytes <= 0) throw new IllegalArgumentException("image size " + imageBytes);
            this.imageBytes = imageBytes;
            this.perChunk = Math.max(1, chunkBytes / imageBytes);
            this.expected = expected;
            this.exact = exact && expected >= 0;
        }

        public int size() { return size; }

        /** Appends the {@code imageBytes} bytes at {@code src[offset ..]} as the next image. */
        public void append(byte[] src, int offset) {
            if (inCurrent == perChunk || current.length == 0) nextChunk();
            else if ((inCurrent + 1) * imageBytes > current.length) grow();
            System.arraycopy(src, offset, current, inCurrent * imageBytes, imageBytes);
            inCurrent++;
            size++;
        }

        public PixelStore build() {
            if (current.length > inCurrent * imageBytes) current = Arrays.copyOf(current, inCurrent * imageBytes);
            if (inCurrent > 0) chunks.set(chunks.size() - 1, current);
            return new PixelStore(imageBytes, perChunk, chunks.toArray(new byte[0][]), size);
        }

        private void nextChunk() {
            long left = expected > size ? expected - size : 0;
            int limit = left > 0 ? (int) Math.min(perChunk, left) : perChunk;
            long arrived = Math.max(size, START_BYTES / imageBytes);
            int images = exact && left > 0 ? limit : (int) Math.max(1, Math.min(limit, arrived));
            current = new byte[images * imageBytes];
            chunks.add(current);
            inCurrent = 0;
        }

        /** Doubles the chunk being filled, up to its full size (only when the count was not exact). */
        private void grow() {
            int images = (int) Math.min(perChunk, 2L * (current.length / imageBytes));
            current = Arrays.copyOf(current, images * imageBytes);
            chunks.set(chunks.size() - 1, current);
        }
    }
}
