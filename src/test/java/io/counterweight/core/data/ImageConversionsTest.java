package io.counterweight.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageConversionsTest {
    @TempDir Path tmp;

    @Test
    void argbOfRgbAndGray() {
        ImageShape rgb = new ImageShape(3, 1, 2);
        byte[] chw = {10, 20, (byte) 200, 40, 50, (byte) 255};
        assertArrayEquals(new int[] {0xFF0AC832, 0xFF1428FF}, ImageConversions.toArgb(chw, rgb));
        assertArrayEquals(new int[] {0xFF7F7F7F}, ImageConversions.toArgb(new byte[] {127}, new ImageShape(1, 1, 1)));
    }

    @Test
    void pngRoundTripIsExactForGrayAndRgb() throws Exception {
        for (ImageShape shape : new ImageShape[] {new ImageShape(1, 5, 7), new ImageShape(3, 5, 7)}) {
            byte[] chw = Fixtures.pixels(shape.size(), 3, 1);
            Path f = tmp.resolve(shape.channels() + ".png");
            ImageIO.write(ImageConversions.toBufferedImage(chw, shape), "png", f.toFile());
            BufferedImage back = ImageIO.read(f.toFile());
            assertEquals(shape.channels() == 1, ImageConversions.isGray(back));
            assertArrayEquals(chw, ImageConversions.fromImage(back, shape), shape.toString());
        }
    }

    @Test
    void bilinearResizeOfARamp() {
        // A 1×4 ramp 0, 100, 200, 250 halved: centres fall between pixel pairs, so the means.
        byte[] ramp = {0, 100, (byte) 200, (byte) 250};
        byte[] half = ImageConversions.convert(ramp, new ImageShape(1, 1, 4), new ImageShape(1, 1, 2));
        assertArrayEquals(new byte[] {50, (byte) 225}, half);
        // Doubling 0, 100: 0, 25, 75, 100 (edges clamp, inner pixels a quarter of the way).
        byte[] twice = ImageConversions.convert(new byte[] {0, 100}, new ImageShape(1, 1, 2), new ImageShape(1, 1, 4));
        assertArrayEquals(new byte[] {0, 25, 75, 100}, twice);
    }

    @Test
    void shrinkingAveragesAreasInsteadOfSkippingPixels() {
        // One bright column in every four: bilinear sampling at 4:1 would land between two dark columns.
        ImageShape big = new ImageShape(1, 16, 16);
        byte[] stripes = new byte[big.size()];
        for (int i = 0; i < stripes.length; i++) if (i % 4 == 0) stripes[i] = (byte) 255;
        byte[] small = ImageConversions.convert(stripes, big, new ImageShape(1, 4, 4));
        for (byte b : small) assertEquals(64, b & 0xFF); // 255 / 4 = 63.75
        // 10 → 4 pixels: each output averages 2.5 source pixels, e.g. (0 + 20 + 0.5 * 40) / 2.5 = 16;
        // the mean (90) is kept.
        byte[] ramp = new byte[10];
        for (int i = 0; i < 10; i++) ramp[i] = (byte) (i * 20);
        byte[] four = ImageConversions.convert(ramp, new ImageShape(1, 1, 10), new ImageShape(1, 1, 4));
        assertArrayEquals(new byte[] {16, 64, 116, (byte) 164}, four);
    }

    @Test
    void channelConversions() {
        byte[] gray = {9, 99};
        byte[] rgb = ImageConversions.convert(gray, new ImageShape(1, 1, 2), new ImageShape(3, 1, 2));
        assertArrayEquals(new byte[] {9, 99, 9, 99, 9, 99}, rgb);
        byte[] pureRed = {(byte) 255, 0, 0};
        assertArrayEquals(new byte[] {76}, ImageConversions.convert(pureRed, new ImageShape(3, 1, 1), new ImageShape(1, 1, 1)));
        BufferedImage colour = ImageConversions.toBufferedImage(new byte[] {1, 2, 3}, new ImageShape(3, 1, 1));
        assertFalse(ImageConversions.isGray(colour));
        BufferedImage grayInRgb = ImageConversions.toBufferedImage(new byte[] {5, 5, 5}, new ImageShape(3, 1, 1));
        assertTrue(ImageConversions.isGray(grayInRgb));
    }
}
