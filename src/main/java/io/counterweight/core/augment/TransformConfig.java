package io.counterweight.core.augment;

/**
 * One transform's switch, the probability it is applied to a drawn image, and its magnitude in [0, 1]
 * (0 = identity, 1 = the strongest setting; each transform documents what 1 means).
 */
public record TransformConfig(boolean enabled, double probability, double magnitude) {
    public TransformConfig {
        if (!(probability >= 0 && probability <= 1)) throw new IllegalArgumentException("probability must be in [0, 1]: " + probability);
        if (!(magnitude >= 0 && magnitude <= 1)) throw new IllegalArgumentException("magnitude must be in [0, 1]: " + magnitude);
    }

    public static TransformConfig off() {
        return new TransformConfig(false, 0.3, 0.5);
    }

    public static TransformConfig on(double probability) {
        return new TransformConfig(true, probability, 0.5);
    }

    /** The probability actually used: 0 when switched off. */
    public double effectiveProbability() {
        return enabled ? probability : 0;
    }

    public TransformConfig withEnabled(boolean e) { return new TransformConfig(e, probability, magnitude); }

    public TransformConfig withProbability(double p) { return new TransformConfig(enabled, p, magnitude); }

    public TransformConfig withMagnitude(double m) { return new TransformConfig(enabled, probability, m); }
}
