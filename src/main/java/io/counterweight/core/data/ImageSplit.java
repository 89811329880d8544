package io.counterweight.core.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * One split (train or test) of a data set: images as uint8 in CHW order (never floats: CIFAR-100 stays at
 * its 153 MB), an integer label per image, and an optional group per image (the IDC patient id) that splits
 * must keep together. The pixels live in a {@link PixelStore} (a few large arrays, not one per image); a
 * selection or relabelling shares its store and keeps only the row of each of its images.
 */
public final class ImageSplit {
    private final ImageShape shape;
    private final PixelStore pixels;
    /** Row in {@link #pixels} of each image, or null when image i is row i. */
    private final int[] rows;
    private final int[] labels;
    private final String[] groups;

    /** A split over all of {@code pixels}, in order (the readers' constructor). */
    public ImageSplit(ImageShape shape, PixelStore pixels, int[] labels, String[] groups) {
        this(shape, pixels, null, labels, groups);
        if (pixels.imageBytes() != shape.size()) throw new IllegalArgumentException("images of " + pixels.imageBytes() + " bytes, expected " + shape.size());
        if (pixels.size() != labels.length) throw new IllegalArgumentException("images and labels differ in length");
    }

    public ImageSplit(ImageShape shape, PixelStore pixels, int[] labels) {
        this(shape, pixels, labels, null);
    }

    /** Copies {@code images} into a store of their own (for small sets and tests). */
    public ImageSplit(ImageShape shape, byte[][] images, int[] labels, String[] groups) {
        this(shape, PixelStore.of(shape.size(), images), labels, groups);
    }

    public ImageSplit(ImageShape shape, byte[][] images, int[] labels) {
        this(shape, images, labels, null);
    }

    private ImageSplit(ImageShape shape, PixelStore pixels, int[] rows, int[] labels, String[] groups) {
        this.shape = Objects.requireNonNull(shape);
        this.pixels = Objects.requireNonNull(pixels);
        this.rows = rows;
        this.labels = Objects.requireNonNull(labels);
        if (groups != null && groups.length != labels.length) throw new IllegalArgumentException("groups differ in length");
        this.groups = groups;
    }

    public static ImageSplit empty(ImageShape shape) {
        return new ImageSplit(shape, new byte[0][], new int[0]);
    }

    public ImageShape shape() { return shape; }

    public int size() { return labels.length; }

    /**
     * The pixels of image {@code i}, CHW, uint8 (read with {@code & 0xFF}): a fresh copy, which the caller
     * may keep or change. Loops over many images use {@link #copyInto} with one buffer instead.
     */
    public byte[] image(int i) {
        byte[] out = new byte[shape.size()];
        copyInto(i, out, 0);
        return out;
    }

    /** Copies the pixels of image {@code i} to {@code dst[offset .. offset + shape().size())}. */
    public void copyInto(int i, byte[] dst, int offset) {
        pixels.copyInto(rows == null ? i : rows[i], dst, offset);
    }

    /** The store this split's pixels live in (shared by its selections; for tests). */
    PixelStore store() { return pixels; }

    public int label(int i) { return labels[i]; }

    /** Group (e.g. patient id) of image {@code i}, or null when the data set has none. */
    public String group(int i) { return groups == null ? null : groups[i]; }

    public boolean hasGroups() { return groups != null; }

    /** A copy of all labels. */
    public int[] labels() { return labels.clone(); }

    /** Number of images per class, for {@code numClasses} classes. */
    public int[] classCounts(int numClasses) {
        int[] counts = new int[numClasses];
        for (int label : labels) counts[label]++;
        return counts;
    }

    /** The images at {@code indices}, in that order (the pixel store shared, not copied). */
    public ImageSplit select(int[] indices) {
        int[] rw = new int[indices.length];
        int[] lb = new int[indices.length];
        String[] gr = groups == null ? null : new String[indices.length];
        for (int j = 0; j < indices.length; j++) {
            int i = indices[j];
            if (i < 0 || i >= labels.length) throw new IndexOutOfBoundsException("image " + i + " of " + labels.length);
            rw[j] = rows == null ? i : rows[i];
            lb[j] = labels[i];
            if (gr != null) gr[j] = groups[i];
        }
        return new ImageSplit(shape, pixels, rw, lb, gr);
    }

    /** Same images with labels mapped through {@code newLabel} (old → new, -1 drops the image). */
    public ImageSplit relabel(int[] newLabel) {
        int kept = 0;
        for (int label : labels) if (newLabel[label] >= 0) kept++;
        int[] indices = new int[kept];
        int k = 0;
        for (int i = 0; i < labels.length; i++) if (newLabel[labels[i]] >= 0) indices[k++] = i;
        ImageSplit chosen = select(indices);
        int[] lb = chosen.labels;
        for (int i = 0; i < lb.length; i++) lb[i] = newLabel[lb[i]];
        return chosen;
    }

    /** Bytes of pixel data of this split's images (a selection shares, and keeps alive, its source's store). */
    public long pixelBytes() {
        return (long) labels.length * shape.size();
    }

    @Override
    public String toString() {
        return "ImageSplit[" + size() + " images " + shape + ", counts " + Arrays.toString(classCounts(maxLabel() + 1)) + "]";
    }

    private int maxLabel() {
        int max = -1;
        for (int label : labels) max = Math.max(max, label);
        return max;
    }
}
