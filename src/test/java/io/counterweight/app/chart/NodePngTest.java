package io.counterweight.app.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JavaFX image's pixels into an AWT image and a PNG, exactly; a node's snapshot at 1× and 2×. */
class NodePngTest {
    @TempDir Path dir;

    @BeforeAll
    static void toolkit() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // started by another test of this JVM
        }
    }

    @Test
    void pixelsAreCopiedExactlyAndSurviveAPngRoundTrip() throws Exception {
        WritableImage image = new WritableImage(3, 2);
        PixelWriter w = image.getPixelWriter();
        int[] argb = {0xFFFF0000, 0xFF00FF00, 0xFF0000FF, 0x80FFFFFF, 0xFF123456, 0x00000000};
        for (int i = 0; i < argb.length; i++) w.setArgb(i % 3, i / 3, argb[i]);

        BufferedImage awt = NodePng.toBufferedImage(image);
        assertEquals(3, awt.getWidth());
        assertEquals(2, awt.getHeight());
        for (int i = 0; i < argb.length; i++) assertEquals(argb[i], awt.getRGB(i % 3, i / 3), "pixel " + i);

        Path file = dir.resolve("sub/pixels.png");
        NodePng.write(awt, file);
        BufferedImage back = ImageIO.read(file.toFile());
        for (int i = 0; i < argb.length; i++) {
            if ((argb[i] >>> 24) == 0) assertEquals(0, back.getRGB(i % 3, i / 3) >>> 24, "transparent stays transparent");
            else assertEquals(argb[i], back.getRGB(i % 3, i / 3), "pixel " + i);
        }
    }

    @Test
    void aSnapshotAtTwoTimesHasTwiceTheSizeAndTheSameColours() throws Exception {
        CompletableFuture<BufferedImage[]> shots = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Rectangle r = new Rectangle(10, 6, Color.rgb(200, 30, 40));
                new Scene(new Group(r));
                shots.complete(new BufferedImage[] {NodePng.toBufferedImage(NodePng.snapshot(r, 1)),
                        NodePng.toBufferedImage(NodePng.snapshot(r, 2))});
            } catch (Throwable t) {
                shots.completeExceptionally(t);
            }
        });
        BufferedImage[] s = shots.get(30, TimeUnit.SECONDS);
        assertEquals(10, s[0].getWidth());
        assertEquals(6, s[0].getHeight());
        assertEquals(20, s[1].getWidth());
        assertEquals(12, s[1].getHeight());
        assertEquals(0xFFC81E28, s[1].getRGB(10, 6), "the rectangle's colour, opaque");
        Path file = dir.resolve("rect@2x.png");
        NodePng.write(s[1], file);
        assertEquals(20, ImageIO.read(file.toFile()).getWidth());
    }
}
