package io.counterweight.core.augment;

import io.counterweight.core.data.ImageShape;
import java.util.SplittableRandom;

/**
 * The study's augmentation pipeline on uint8 CHW images: rotation, affine, horizontal flip, colour
 * jitter, in that order, each applied independently with its own probability (one image can get all
 * four). Ranges at magnitude m: rotation ±30°·m; translate ±20 %·m of the size (whole pixels, as in
 * torchvision), scale 1 ± 0.2·m, x-shear ±15°·m; brightness, contrast and saturation factors in
 * [1 − 0.5·m, 1 + 0.5·m], hue shift ±0.1·m turn.
 *
 * <p>Every image consumes exactly {@link #DRAWS_PER_IMAGE} values of the generator whatever is
 * enabled, so switching one transform on or off (e.g. in the preview) leaves the other transforms'
 * random choices unchanged. Thread-safe: it holds no mutable state; give each thread its own generator.
 */
public final class Augmenter {
    public static final double MAX_ROTATION_DEGREES = 30, MAX_TRANSLATE = 0.2, MAX_SCALE = 0.2, MAX_SHEAR_DEGREES = 15;
    public static final double MAX_COLOR_FACTOR = 0.5, MAX_HUE_TURN = 0.1;
    /** Decision + 1 (rotation), decision + 4 (affine), decision (flip), decision + 4 (jitter). */
    public static final int DRAWS_PER_IMAGE = 13;

    private final AugmentConfig config;
    private final ImageShape shape;

    public Augmenter(AugmentConfig config, ImageShape shape) {
        if (config == null || shape == null) throw new IllegalArgumentException("config and shape are required");
        this.config = config;
        this.shape = shape;
    }

    public AugmentConfig config() {
        return config;
    }

    public ImageShape shape() {
        return shape;
    }

    /** A new augmented image; {@code chw} is not modified. */
    public byte[] apply(byte[] chw, SplittableRandom rng) {
        return applyTracked(chw, rng).image();
    }

    /** As {@link #apply} (the same draws from {@code rng}), also telling which transforms were applied. */
    public Augmented applyTracked(byte[] chw, SplittableRandom rng) {
        if (chw.length != shape.size()) {
            throw new IllegalArgumentException("image has " + chw.length + " bytes, shape " + shape + " needs " + shape.size());
        }
        TransformConfig rot = config.rotation(), aff = config.affine(), flip = config.flip(), jit = config.jitter();
        boolean doRotation = decide(rot, rng);
        double angle = symmetric(rng, MAX_ROTATION_DEGREES * rot.magnitude());
        boolean doAffine = decide(aff, rng);
        double tx = Math.round(symmetric(rng, MAX_TRANSLATE * aff.magnitude() * shape.width()));
        double ty = Math.round(symmetric(rng, MAX_TRANSLATE * aff.magnitude() * shape.height()));
        double scale = 1 + symmetric(rng, MAX_SCALE * aff.magnitude());
        double shear = symmetric(rng, MAX_SHEAR_DEGREES * aff.magnitude());
        boolean doFlip = decide(flip, rng);
        boolean doJitter = decide(jit, rng);
        double brightness = 1 + symmetric(rng, MAX_COLOR_FACTOR * jit.magnitude());
        double contrast = 1 + symmetric(rng, MAX_COLOR_FACTOR * jit.magnitude());
        double saturation = 1 + symmetric(rng, MAX_COLOR_FACTOR * jit.magnitude());
        double hue = symmetric(rng, MAX_HUE_TURN * jit.magnitude());

        byte[] image = chw;
        int mask = 0;
        if (doRotation) {
            image = warp(image, Warp.rotation(angle, shape));
            mask |= Transform.ROTATION.bit();
        }
        if (doAffine) {
            image = warp(image, Warp.affine(tx, ty, scale, shear, shape));
            mask |= Transform.AFFINE.bit();
        }
        if (doFlip) {
            byte[] out = new byte[image.length];
            Warp.flipHorizontal(image, out, shape);
            image = out;
            mask |= Transform.FLIP.bit();
        }
        if (doJitter) {
            byte[] out = new byte[image.length];
            ColorJitter.apply(image, out, shape, brightness, contrast, saturation, hue);
            image = out;
            mask |= Transform.JITTER.bit();
        }
        return new Augmented(image == chw ? chw.clone() : image, mask);
    }

    private byte[] warp(byte[] src, double[] inverse) {
        byte[] out = new byte[src.length];
        Warp.inverseAffine(src, out, shape, inverse);
        return out;
    }

    /** One draw: applied with the configured probability (never when switched off). */
    private static boolean decide(TransformConfig t, SplittableRandom rng) {
        return rng.nextDouble() < t.effectiveProbability();
    }

    /** One draw, uniform in [−range, range]. */
    private static double symmetric(SplittableRandom rng, double range) {
        return (2 * rng.nextDouble() - 1) * range;
    }
}
