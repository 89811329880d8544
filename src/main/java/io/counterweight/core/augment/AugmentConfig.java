package io.counterweight.core.augment;

/**
 * The study's four independent random transforms. Each drawn image gets each enabled transform
 * with its own probability, so one image can get all four (DESIGN.md).
 *
 * <p>Magnitude 1 means: rotation ±30°; affine translate ±20 %, scale 0.8–1.2, shear ±15°; flip has no
 * magnitude; jitter brightness/contrast/saturation ±50 %, hue ±0.1 turn. Magnitude 0.5 (default)
 * halves each range.
 */
public record AugmentConfig(TransformConfig rotation, TransformConfig affine, TransformConfig flip, TransformConfig jitter) {

    public static final double STUDY_PROBABILITY = 0.3;

    /** No augmentation (the baseline). */
    public static AugmentConfig none() {
        return new AugmentConfig(TransformConfig.off(), TransformConfig.off(), TransformConfig.off(), TransformConfig.off());
    }

    /** All four transforms at probability {@code p}, default magnitudes. */
    public static AugmentConfig all(double p) {
        return new AugmentConfig(TransformConfig.on(p), TransformConfig.on(p), TransformConfig.on(p), TransformConfig.on(p));
    }

    /** The study's improved run: all four at p = 0.3. */
    public static AugmentConfig study() {
        return all(STUDY_PROBABILITY);
    }

    public boolean anyEnabled() {
        return rotation.enabled() || affine.enabled() || flip.enabled() || jitter.enabled();
    }

    public AugmentConfig withRotation(TransformConfig t) { return new AugmentConfig(t, affine, flip, jitter); }

    public AugmentConfig withAffine(TransformConfig t) { return new AugmentConfig(rotation, t, flip, jitter); }

    public AugmentConfig withFlip(TransformConfig t) { return new AugmentConfig(rotation, affine, t, jitter); }

    public AugmentConfig withJitter(TransformConfig t) { return new AugmentConfig(rotation, affine, flip, t); }
}
