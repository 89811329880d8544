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
    /** Largest chunk: far above G1's humongous threshold (half a region, 0.5-16 MB), far below 2 GB. */
    static final int CHUNK_BYTES = 32 << 20;

    private final int imageBytes;
    private final byte[][] chunks;
    /** First image of each chunk, ascending; chunks may differ in size (see {@link Builder}). */
    private final int[] starts;
    private final int size;

    private PixelStore(int imageBytes, byte[][] chunks, int[] starts, int size) {
        this.imageBytes = imageBytes;
        this.chunks = chunks;
        this.starts = starts;
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
        int chunk = Arrays.binarySearch(starts, i); // a handful of steps: a data set has tens of chunks
        if (chunk < 0) chunk = -chunk - 2;
        System.arraycopy(chunks[chunk], (i - starts[chunk]) * imageBytes, dst, offset, imageBytes);
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
     * Collects images one after another into chunks; a written image is never copied again. With an exact
     * count each chunk is allocated at its final size (32 MB, the last one smaller). With an upper bound that
     * may be a lie (a gzip file's header) or no count at all, each new chunk is no larger than what has
     * arrived so far (at least 1 MB), so memory follows the data, not the claim: at most twice what came.
     */
    public static final class Builder {
        private static final int START_BYTES = 1 << 20;
        private final int imageBytes;
        private final int perChunk;
        private final long expected;
        private final boolean exact;
        private final List<byte[]> chunks = new ArrayList<>();
        private byte[] current;
        private int inCurrent;
        private int capacity;
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
            if (inCurrent == capacity) nextChunk();
            System.arraycopy(src, offset, current, inCurrent * imageBytes, imageBytes);
            inCurrent++;
            size++;
        }

        public PixelStore build() {
            // Only when the count was unknown or overstated: the last chunk is cut to the images that came.
            if (inCurrent < capacity) chunks.set(chunks.size() - 1, Arrays.copyOf(current, inCurrent * imageBytes));
            int[] starts = new int[chunks.size()];
            for (int k = 1; k < starts.length; k++) starts[k] = starts[k - 1] + chunks.get(k - 1).length / imageBytes;
            return new PixelStore(imageBytes, chunks.toArray(new byte[0][]), starts, size);
        }

        private void nextChunk() {
            long left = expected - size;
            int limit = left > 0 ? (int) Math.min(perChunk, left) : perChunk;
            capacity = exact && left > 0 ? limit : (int) Math.max(1, Math.min(limit, Math.max(size, START_BYTES / imageBytes)));
            current = new byte[capacity * imageBytes];
            chunks.add(current);
            inCurrent = 0;
        }
    }
}
