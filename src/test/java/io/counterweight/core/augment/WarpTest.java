package io.counterweight.core.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.counterweight.core.data.ImageShape;
import org.junit.jupiter.api.Test;

/** The geometric kernels on tiny images whose expected pixels can be written down by hand. */
class WarpTest {
    private static final ImageShape GRAY3 = new ImageShape(1, 3, 3);
    private static final byte[] DIGITS = {1, 2, 3, 4, 5, 6, 7, 8, 9}; // rows 123 / 456 / 789

    private static byte[] warp(byte[] src, ImageShape s, double[] m) {
        byte[] out = new byte[src.length];
        Warp.inverseAffine(src, out, s, m);
        return out;
    }

    @Test
    void rotationByQuarterTurnIsCounterClockwiseAboutTheCentre() {
        assertArrayEquals(new byte[] {3, 6, 9, 2, 5, 8, 1, 4, 7}, warp(DIGITS, GRAY3, Warp.rotation(90, GRAY3)));
        assertArrayEquals(new byte[] {7, 4, 1, 8, 5, 2, 9, 6, 3}, warp(DIGITS, GRAY3, Warp.rotation(-90, GRAY3)));
        assertArrayEquals(new byte[] {9, 8, 7, 6, 5, 4, 3, 2, 1}, warp(DIGITS, GRAY3, Warp.rotation(180, GRAY3)));
    }

    @Test
    void identityMapsCopyEveryPixelExactly() {
        ImageShape s = new ImageShape(3, 5, 7);
        byte[] src = new byte[s.size()];
        for (int i = 0; i < src.length; i++) src[i] = (byte) (i * 37 + 11);
        assertArrayEquals(src, warp(src, s, Warp.rotation(0, s)));
        assertArrayEquals(src, warp(src, s, Warp.affine(0, 0, 1, 0, s)));
    }

    @Test
    void translationShiftsAndFillsWithBlack() {
        assertArrayEquals(new byte[] {0, 1, 2, 0, 4, 5, 0, 7, 8}, warp(DIGITS, GRAY3, Warp.affine(1, 0, 1, 0, GRAY3)));
        assertArrayEquals(new byte[] {4, 5, 6, 7, 8, 9, 0, 0, 0}, warp(DIGITS, GRAY3, Warp.affine(0, -1, 1, 0, GRAY3)));
    }

    @Test
    void shearKeepsTheCentreRowAndSlidesTheOthers() {
        // x-shear by 45°: source x = x − (y − 1) for a 3×3 image, so row 0 reads one pixel further right.
        assertArrayEquals(new byte[] {2, 3, 0, 4, 5, 6, 0, 7, 8}, warp(DIGITS, GRAY3, Warp.affine(0, 0, 1, 45, GRAY3)));
    }

    @Test
    void zoomInterpolatesBilinearly() {
        byte[] out = warp(DIGITS, GRAY3, Warp.affine(0, 0, 2, 0, GRAY3));
        assertEquals(5, out[4], "the centre stays");
        assertEquals(3, out[0], "(0,0) samples (0.5,0.5): the mean of 1, 2, 4, 5");
        assertEquals(7, out[8], "(2,2) samples (1.5,1.5): the mean of 5, 6, 8, 9");
    }

    @Test
    void flipMirrorsEveryRowOfEveryChannel() {
        ImageShape s = new ImageShape(3, 2, 3);
        byte[] src = {1, 2, 3, 4, 5, 6, /* green */ 10, 20, 30, 40, 50, 60, /* blue */ (byte) 200, (byte) 210, (byte) 220, 0, 0, 9};
        byte[] out = new byte[src.length];
        Warp.flipHorizontal(src, out, s);
        assertArrayEquals(new byte[] {3, 2, 1, 6, 5, 4, 30, 20, 10, 60, 50, 40, (byte) 220, (byte) 210, (byte) 200, 9, 0, 0}, out);
    }
}
