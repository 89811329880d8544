package io.counterweight.app.chart;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;

/**
 * A live node as a PNG without javafx-swing: {@link #snapshot} on the FX thread (scaled for 2×), then
 * {@link #toBufferedImage} copies the pixels through a {@link PixelReader} into an AWT image that
 * {@link #write} encodes with ImageIO (off the FX thread).
 */
public final class NodePng {
    private NodePng() { }

    /** The node as drawn, {@code scale} times its size, on a white background. Call on the FX thread. */
    public static WritableImage snapshot(Node node, int scale) {
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.WHITE);
        params.setTransform(Transform.scale(scale, scale));
        return node.snapshot(params, null);
    }

    /** The image's pixels as an ARGB BufferedImage of the same size. */
    public static BufferedImage toBufferedImage(Image image) {
        int w = (int) image.getWidth(), h = (int) image.getHeight();
        PixelReader reader = image.getPixelReader();
        if (reader == null) throw new IllegalArgumentException("the image has no readable pixels (still loading?)");
        int[] argb = new int[w * h];
        reader.getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        return out;
    }

    /** Writes {@code image} as a PNG: a temporary file moved into place, so nobody reads half of it. */
    public static void write(BufferedImage image, Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                if (!ImageIO.write(image, "png", tmp.toFile())) throw new IOException("no PNG writer");
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write the PNG (" + e.getMessage() + ")", e);
        }
    }
}
