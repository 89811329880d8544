package io.counterweight.core.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * One split (train or test) of a data set: images as uint8 in CHW order, one {@code byte[]} per image
 * (never floats: CIFAR-100 stays at its 153 MB), an integer label per image, and an optional group per
 * image (the IDC patient id) that splits must keep together.
 */
public final class ImageSplit {
    private final ImageShape shape;
    private final byte[][] images;
    private final int[] labels;
    private final String[] groups;

    public ImageSplit(ImageShape shape, byte[][] images, int[] labels, String[] groups) {
        this.shape = Objects.requireNonNull(shape);
        this.images = Objects.requireNonNull(images);
        this.labels = Objects.requireNonNull(labels);
        if (images.length != labels.length) throw new IllegalArgumentException("images and labels differ in length");
        if (groups != null && groups.length != labels.length) throw new IllegalArgumentException("groups differ in length");
        for (byte[] image : images) {
            if (image.length != shape.size()) throw new IllegalArgumentException("image of " + image.length + " bytes, expected " + shape.size());
        }
        this.groups = groups;
    }

    public ImageSplit(ImageShape shape, byte[][] images, int[] labels) {
        this(shape, images, labels, null);
    }

    public static ImageSplit empty(ImageShape shape) {
        return new ImageSplit(shape, new byte[0][], new int[0]);
    }

    public ImageShape shape() { return shape; }

    public int size() { return labels.length; }

    /** The pixels of image {@code i}, CHW, uint8 (read with {@code & 0xFF}). Do not modify. */
    public byte[] image(int i) { return images[i]; }

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

    /** The images at {@code indices}, in that order (pixel arrays shared, not copied). */
    public ImageSplit select(int[] indices) {
        byte[][] im = new byte[indices.length][];
        int[] lb = new int[indices.length];
        String[] gr = groups == null ? null : new String[indices.length];
        for (int j = 0; j < indices.length; j++) {
            im[j] = images[indices[j]];
            lb[j] = labels[indices[j]];
            if (gr != null) gr[j] = groups[indices[j]];
        }
        return new ImageSplit(shape, im, lb, gr);
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

    /** Total bytes of pixel data held. */
    public long pixelBytes() {
        return (long) images.length * shape.size();
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
