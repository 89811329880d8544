package io.counterweight.core.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;

/** Writes small data sets in the real on-disk byte layouts, with pixels that encode where they came from. */
final class Fixtures {
    private Fixtures() { }

    /** Deterministic pixels of image {@code index} with label {@code label}, so readers can be checked exactly. */
    static byte[] pixels(int size, int index, int label) {
        byte[] p = new byte[size];
        for (int i = 0; i < size; i++) p[i] = (byte) (i * 7 + index * 31 + label * 101);
        return p;
    }

    /** A CIFAR binary file: per record the label bytes, then 3,072 pixel bytes. */
    static void cifarBin(Path file, int[][] labelBytes, int firstIndex) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < labelBytes.length; i++) {
            for (int b : labelBytes[i]) out.write(b);
            out.write(pixels(3072, firstIndex + i, labelBytes[i][labelBytes[i].length - 1]));
        }
        Files.createDirectories(file.getParent());
        Files.write(file, out.toByteArray());
    }

    /** IDX images (magic 0x803) and labels (magic 0x801), big-endian, gzipped when the name ends in .gz. */
    static void idx(Path dir, String prefix, int[] labels, int rows, int cols, boolean gz) throws IOException {
        String ext = gz ? ".gz" : "";
        try (DataOutputStream out = new DataOutputStream(open(dir.resolve(prefix + "-images-idx3-ubyte" + ext), gz))) {
            out.writeInt(0x00000803);
            out.writeInt(labels.length);
            out.writeInt(rows);
            out.writeInt(cols);
            for (int i = 0; i < labels.length; i++) out.write(pixels(rows * cols, i, labels[i]));
        }
        try (DataOutputStream out = new DataOutputStream(open(dir.resolve(prefix + "-labels-idx1-ubyte" + ext), gz))) {
            out.writeInt(0x00000801);
            out.writeInt(labels.length);
            for (int label : labels) out.writeByte(label);
        }
    }

    private static OutputStream open(Path file, boolean gz) throws IOException {
        Files.createDirectories(file.getParent());
        OutputStream out = Files.newOutputStream(file);
        return gz ? new GZIPOutputStream(out) : out;
    }

    static void png(Path file, byte[] chw, ImageShape shape) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage img = ImageConversions.toBufferedImage(chw, shape);
        if (!ImageIO.write(img, "png", file.toFile())) throw new IOException("no PNG writer");
    }

    static void solidPng(Path file, int width, int height, int rgb) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) for (int x = 0; x < width; x++) img.setRGB(x, y, rgb);
        ImageIO.write(img, "png", file.toFile());
    }
}
