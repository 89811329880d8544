package io.counterweight.core.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.data.ImageShape;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AugmenterTest {
    private static final ImageShape SMALL = new ImageShape(3, 8, 8);
    private static final ImageShape CIFAR = new ImageShape(3, 32, 32);
    private static final int DRAWS = 20_000;

    static byte[] randomImage(ImageShape s, long seed) {
        byte[] img = new byte[s.size()];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < img.length; i++) img[i] = (byte) rng.nextInt(256);
        return img;
    }

    private static AugmentConfig only(Transform t, TransformConfig tc) {
        AugmentConfig none = AugmentConfig.none();
        return switch (t) {
            case ROTATION -> none.withRotation(tc);
            case AFFINE -> none.withAffine(tc);
            case FLIP -> none.withFlip(tc);
            case JITTER -> none.withJitter(tc);
        };
    }

    /** Binomial(n, p) count within 5 standard deviations (false alarm ≈ 6e-7 per check). */
    private static void assertBinomial(long count, int n, double p, String what) {
        double bound = 5 * Math.sqrt(n * p * (1 - p));
        assertTrue(Math.abs(count - n * p) <= bound,
                what + ": " + count + " of " + n + ", expected " + n * p + " ± " + bound);
    }

    /**
     * Each transform is applied at its own rate and independently of the others. At p = 0.3 the
     * bound on one rate is ±324 of 20k (±1.6 %); "all four" expects 162 ± 63. Transforms sharing one
     * decision draw would give "all four" ≈ 6000, far outside.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.3, 0.7})
    void eachTransformHasItsOwnIndependentRate(double p) {
        checkRates(AugmentConfig.all(p), DRAWS);
    }

    @Test
    void mixedProbabilitiesAreEachRespected() {
        checkRates(new AugmentConfig(TransformConfig.on(0.3), TransformConfig.on(0.7), TransformConfig.on(0.7), TransformConfig.on(0.3)), DRAWS);
    }

    private static void checkRates(AugmentConfig config, int n) {
        Augmenter augmenter = new Augmenter(config, SMALL);
        byte[] img = randomImage(SMALL, 1);
        SplittableRandom rng = new SplittableRandom(2024);
        int[] hits = new int[4];
        int all = 0, rotationAndFlip = 0;
        for (int d = 0; d < n; d++) {
            Augmented a = augmenter.applyTracked(img, rng);
            for (Transform t : Transform.values()) if (a.has(t)) hits[t.ordinal()]++;
            if (a.applied().size() == 4) all++;
            if (a.has(Transform.ROTATION) && a.has(Transform.FLIP)) rotationAndFlip++;
        }
        double pAll = 1;
        for (Transform t : Transform.values()) {
            double p = t.config(config).probability();
            assertBinomial(hits[t.ordinal()], n, p, t.name());
            pAll *= p;
        }
        assertBinomial(all, n, pAll, "all four");
        assertBinomial(rotationAndFlip, n, config.rotation().probability() * config.flip().probability(), "rotation and flip");
    }

    @Test
    void switchedOffNeverAndProbabilityOneAlways() {
        AugmentConfig cfg = new AugmentConfig(TransformConfig.on(1.0), TransformConfig.on(1.0).withEnabled(false),
                TransformConfig.on(0.0), TransformConfig.on(1.0));
        Augmenter augmenter = new Augmenter(cfg, SMALL);
        SplittableRandom rng = new SplittableRandom(5);
        byte[] img = randomImage(SMALL, 2);
        for (int d = 0; d < 500; d++) {
            assertEquals(EnumSet.of(Transform.ROTATION, Transform.JITTER), augmenter.applyTracked(img, rng).applied());
        }
    }

    @Test
    void flipTwiceIsIdentityAndMirrorsEachRow() {
        Augmenter flip = new Augmenter(only(Transform.FLIP, TransformConfig.on(1.0)), CIFAR);
        byte[] img = randomImage(CIFAR, 3);
        SplittableRandom rng = new SplittableRandom(1);
        byte[] once = flip.apply(img, rng);
        assertFalse(Arrays.equals(img, once));
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 32; y++) assertEquals(img[c * 1024 + y * 32 + 31], once[c * 1024 + y * 32]);
        }
        assertArrayEquals(img, flip.apply(once, rng));
    }

    @Test
    void zeroMagnitudeGeometryIsIdentity() {
        TransformConfig always = TransformConfig.on(1.0).withMagnitude(0);
        byte[] img = randomImage(CIFAR, 4);
        for (Transform t : EnumSet.of(Transform.ROTATION, Transform.AFFINE, Transform.JITTER)) {
            Augmented a = new Augmenter(only(t, always), CIFAR).applyTracked(img, new SplittableRandom(9));
            assertTrue(a.has(t));
            assertArrayEquals(img, a.image(), t.name());
        }
    }

    @Test
    void jitterOnGreyMatchesTheOneChannelImageSoSaturationAndHueDidNothing() {
        ImageShape one = new ImageShape(1, 16, 16);
        ImageShape three = new ImageShape(3, 16, 16);
        byte[] grey = randomImage(one, 6);
        byte[] rgb = new byte[three.size()];
        for (int c = 0; c < 3; c++) System.arraycopy(grey, 0, rgb, c * 256, 256);
        AugmentConfig cfg = only(Transform.JITTER, TransformConfig.on(1.0).withMagnitude(1));
        for (long seed = 0; seed < 50; seed++) {
            byte[] a = new Augmenter(cfg, one).apply(grey, new SplittableRandom(seed));
            byte[] b = new Augmenter(cfg, three).apply(rgb, new SplittableRandom(seed));
            assertFalse(Arrays.equals(grey, a), "brightness/contrast change the image");
            for (int c = 0; c < 3; c++) assertArrayEquals(a, Arrays.copyOfRange(b, c * 256, c * 256 + 256), "seed " + seed);
        }
    }

    @Test
    void brightImagesSaturateAt255InsteadOfWrapping() {
        byte[] bright = new byte[SMALL.size()];
        Arrays.fill(bright, (byte) 250);
        Augmenter augmenter = new Augmenter(only(Transform.JITTER, TransformConfig.on(1.0).withMagnitude(1)), SMALL);
        SplittableRandom rng = new SplittableRandom(8);
        int saturated = 0;
        for (int d = 0; d < 200; d++) {
            for (byte v : augmenter.apply(bright, rng)) {
                int u = v & 0xFF;
                // Uniform grey: contrast, saturation and hue are no-ops, so u = min(255, 250·b) with
                // b in [0.5, 1.5]; a wrap-around (375 & 0xFF = 119) would fall below 125.
                assertTrue(u >= 125, "value " + u);
                if (u == 255) saturated++;
            }
        }
        assertTrue(saturated > 0);
    }

    @Test
    void inputUntouchedOutputNewAndDeterministicPerSeed() {
        Augmenter augmenter = new Augmenter(AugmentConfig.all(1.0), CIFAR);
        byte[] img = randomImage(CIFAR, 7);
        byte[] copy = img.clone();
        byte[] a = augmenter.apply(img, new SplittableRandom(10));
        assertArrayEquals(copy, img);
        assertNotSame(img, a);
        assertArrayEquals(a, augmenter.apply(img, new SplittableRandom(10)));
        assertFalse(Arrays.equals(a, augmenter.apply(img, new SplittableRandom(11))));
        byte[] unchanged = new Augmenter(AugmentConfig.none(), CIFAR).apply(img, new SplittableRandom(10));
        assertNotSame(img, unchanged);
        assertArrayEquals(img, unchanged);
    }

    @Test
    void applyAndApplyTrackedUseTheSameFixedNumberOfDraws() {
        byte[] img = randomImage(SMALL, 8);
        for (AugmentConfig cfg : new AugmentConfig[] {AugmentConfig.none(), AugmentConfig.study(), AugmentConfig.all(1.0)}) {
            Augmenter augmenter = new Augmenter(cfg, SMALL);
            SplittableRandom r1 = new SplittableRandom(12), r2 = new SplittableRandom(12), r3 = new SplittableRandom(12);
            for (int d = 0; d < 20; d++) assertArrayEquals(augmenter.apply(img, r1), augmenter.applyTracked(img, r2).image());
            for (int d = 0; d < 20 * Augmenter.DRAWS_PER_IMAGE; d++) r3.nextDouble();
            long next = r3.nextLong();
            assertEquals(next, r1.nextLong());
            assertEquals(next, r2.nextLong());
        }
    }

    @Test
    void togglingOneTransformKeepsTheOthersRandomChoices() {
        TransformConfig always = TransformConfig.on(1.0).withMagnitude(1);
        byte[] img = randomImage(CIFAR, 9);
        byte[] rotated = new Augmenter(only(Transform.ROTATION, always), CIFAR).apply(img, new SplittableRandom(13));
        byte[] rotatedFlipped = new Augmenter(only(Transform.ROTATION, always).withFlip(always), CIFAR).apply(img, new SplittableRandom(13));
        byte[] flippedBack = new Augmenter(only(Transform.FLIP, always), CIFAR).apply(rotatedFlipped, new SplittableRandom(0));
        assertArrayEquals(rotated, flippedBack);
    }

    @Test
    void wrongImageSizeIsRejected() {
        Augmenter augmenter = new Augmenter(AugmentConfig.study(), SMALL);
        assertThrows(IllegalArgumentException.class, () -> augmenter.apply(new byte[10], new SplittableRandom(1)));
    }

    @Test
    void describeNamesTheAppliedTransforms() {
        assertEquals("unchanged", new Augmented(new byte[0], 0).describe());
        assertEquals("rotation + flip", new Augmented(new byte[0], Transform.ROTATION.bit() | Transform.FLIP.bit()).describe());
    }
}
