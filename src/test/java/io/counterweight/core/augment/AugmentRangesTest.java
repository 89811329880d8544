package io.counterweight.core.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.data.ImageShape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What magnitude m means, measured on probe images: the ranges documented in {@link AugmentConfig}. */
class AugmentRangesTest {
    private static final ImageShape PROBE = new ImageShape(1, 33, 33);
    private static final int C = 16; // centre pixel of a 33×33 image
    private static final int SEEDS = 400;

    private static TransformConfig always(double magnitude) {
        return TransformConfig.on(1.0).withMagnitude(magnitude);
    }

    private static byte[] dot(int x, int y) {
        byte[] img = new byte[PROBE.size()];
        img[y * 33 + x] = (byte) 255;
        return img;
    }

    @Test
    void rotationAnglesSpreadOverPlusMinus30DegreesTimesMagnitude() {
        Augmenter rot = new Augmenter(AugmentConfig.none().withRotation(always(1.0)), PROBE);
        byte[] img = dot(C + 12, C); // 12 px right of the centre
        double min = 0, max = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            byte[] out = rot.apply(img, new SplittableRandom(seed));
            double sx = 0, sy = 0, sum = 0;
            for (int i = 0; i < out.length; i++) {
                int v = out[i] & 0xFF;
                sx += v * (i % 33 - C);
                sy += v * (i / 33 - C);
                sum += v;
            }
            double angle = Math.toDegrees(Math.atan2(-sy, sx)); // counter-clockwise on screen
            assertTrue(Math.abs(angle) <= 30 + 1.5, "angle " + angle);
            min = Math.min(min, angle);
            max = Math.max(max, angle);
        }
        assertTrue(min < -27 && max > 27, "angles span [" + min + ", " + max + "]");
    }

    @Test
    void translationIsWholePixelsWithinPlusMinus20PercentTimesMagnitude() {
        Augmenter aff = new Augmenter(AugmentConfig.none().withAffine(always(1.0)), PROBE);
        byte[] img = dot(C, C); // scale and shear keep the centre fixed, so the dot moves by (tx, ty) exactly
        int maxShift = (int) Math.round(0.2 * 33); // 7
        int minTx = 0, maxTx = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            byte[] out = aff.apply(img, new SplittableRandom(seed));
            int at = -1;
            for (int i = 0; i < out.length; i++) if ((out[i] & 0xFF) == 255) at = i;
            assertTrue(at >= 0, "the centre pixel is copied exactly to centre + t");
            int tx = at % 33 - C, ty = at / 33 - C;
            assertTrue(Math.abs(tx) <= maxShift && Math.abs(ty) <= maxShift, "shift " + tx + "," + ty);
            minTx = Math.min(minTx, tx);
            maxTx = Math.max(maxTx, tx);
        }
        assertEquals(-maxShift, minTx);
        assertEquals(maxShift, maxTx);
    }

    @Test
    void brightnessFactorSpansOnePlusMinusHalfTheMagnitude() {
        ImageShape grey = new ImageShape(3, 4, 4);
        byte[] img = new byte[grey.size()];
        java.util.Arrays.fill(img, (byte) 100); // uniform grey: only brightness acts, output = round(100·b)
        Augmenter jit = new Augmenter(AugmentConfig.none().withJitter(always(0.5)), grey);
        int min = 255, max = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            int v = jit.apply(img, new SplittableRandom(seed))[0] & 0xFF;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertTrue(min >= 75 && min <= 77, "min " + min); // b ≥ 0.75
        assertTrue(max <= 125 && max >= 123, "max " + max); // b ≤ 1.25
    }
}
