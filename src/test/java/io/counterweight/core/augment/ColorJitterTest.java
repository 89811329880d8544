package io.counterweight.core.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.counterweight.core.data.ImageShape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ColorJitterTest {
    private static final ImageShape RGB = new ImageShape(3, 4, 4);

    private static byte[] jitter(byte[] src, ImageShape s, double b, double c, double sat, double hue) {
        byte[] out = new byte[src.length];
        ColorJitter.apply(src, out, s, b, c, sat, hue);
        return out;
    }

    private static byte[] randomImage(ImageShape s, long seed) {
        byte[] img = new byte[s.size()];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < img.length; i++) img[i] = (byte) rng.nextInt(256);
        return img;
    }

    private static byte[] solid(int r, int g, int b) {
        byte[] img = new byte[RGB.size()];
        int plane = RGB.size() / 3;
        for (int p = 0; p < plane; p++) {
            img[p] = (byte) r;
            img[p + plane] = (byte) g;
            img[p + 2 * plane] = (byte) b;
        }
        return img;
    }

    @Test
    void neutralFactorsLeaveTheImageUnchanged() {
        byte[] img = randomImage(RGB, 1);
        assertArrayEquals(img, jitter(img, RGB, 1, 1, 1, 0));
    }

    @Test
    void brightnessScalesAndClampsInsteadOfWrapping() {
        assertArrayEquals(solid(100, 50, 0), jitter(solid(200, 100, 0), RGB, 0.5, 1, 1, 0));
        assertArrayEquals(solid(255, 150, 0), jitter(solid(200, 100, 0), RGB, 1.5, 1, 1, 0));
    }

    @Test
    void zeroContrastGivesTheMeanGreyEverywhere() {
        ImageShape g = new ImageShape(1, 2, 2);
        assertArrayEquals(new byte[] {25, 25, 25, 25}, jitter(new byte[] {0, 10, 30, 60}, g, 1, 0, 1, 0));
    }

    @Test
    void zeroSaturationTurnsColourIntoItsLuma() {
        // 0.299·200 + 0.587·100 + 0.114·50 = 124.2
        assertArrayEquals(solid(124, 124, 124), jitter(solid(200, 100, 50), RGB, 1, 1, 0, 0));
    }

    @Test
    void hueShiftRotatesThroughTheColourWheel() {
        assertArrayEquals(solid(0, 255, 0), jitter(solid(255, 0, 0), RGB, 1, 1, 1, 1 / 3.0));
        assertArrayEquals(solid(0, 0, 255), jitter(solid(0, 255, 0), RGB, 1, 1, 1, 1 / 3.0));
        assertArrayEquals(solid(0, 0, 255), jitter(solid(255, 0, 0), RGB, 1, 1, 1, -1 / 3.0));
        assertArrayEquals(solid(255, 0, 0), jitter(solid(255, 0, 0), RGB, 1, 1, 1, 1.0));
    }

    @Test
    void saturationAndHueAreExactNoOpsOnGrey() {
        byte[] grey = new byte[RGB.size()];
        int plane = RGB.size() / 3;
        for (int p = 0; p < plane; p++) grey[p] = grey[p + plane] = grey[p + 2 * plane] = (byte) (p * 16 + 3);
        assertArrayEquals(grey, jitter(grey, RGB, 1, 1, 1.5, 0.1));
        assertArrayEquals(grey, jitter(grey, RGB, 1, 1, 0.5, -0.1));
        byte[] brighter = jitter(grey, RGB, 1.2, 0.7, 1, 0);
        assertArrayEquals(brighter, jitter(grey, RGB, 1.2, 0.7, 1.5, 0.1));
        assertEquals(3, grey[0]);
    }
}
