package io.counterweight.app.compare;

import io.counterweight.core.augment.AugmentConfig;
import io.counterweight.core.augment.TransformConfig;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.sampling.WeightMode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/** The remedies of a config in words, as the Compare screen says what "improved" means. */
final class RemediesText {
    private RemediesText() { }

    /** e.g. "sampler (inverse frequency) + rotation 0.3, flip 0.5"; "none" when both remedies are off. */
    static String of(ExperimentConfig.Remedies r) {
        List<String> parts = new ArrayList<>();
        if (r.sampler()) {
            parts.add(r.weightMode() == WeightMode.INVERSE_FREQUENCY ? "sampler (inverse frequency)"
                    : "sampler (effective number, β " + number(r.beta(), 4) + ")");
        }
        AugmentConfig a = r.augment();
        List<String> transforms = new ArrayList<>();
        add(transforms, "rotation", a.rotation());
        add(transforms, "affine", a.affine());
        add(transforms, "flip", a.flip());
        add(transforms, "jitter", a.jitter());
        if (!transforms.isEmpty()) parts.add(String.join(", ", transforms));
        return parts.isEmpty() ? "none" : String.join(" + ", parts);
    }

    private static void add(List<String> out, String name, TransformConfig t) {
        if (t.enabled()) out.add(name + " " + number(t.probability(), 2));
    }

    /** {@code v} to {@code digits} significant digits without trailing zeros: 0.3, 0.25, 1, 0.999. */
    private static String number(double v, int digits) {
        return new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }

    /** The line under the toolbar: what the two runs of "Train baseline + improved" will be. */
    static String plan(ExperimentConfig.Remedies r) {
        if (!r.any()) {
            return "Improved = nothing yet: switch on the sampler (Sampler tab) or an augmentation (Augmentation tab)."
                    + " Baseline = the same with both off.";
        }
        return "Baseline = no remedies. Improved = " + of(r) + ". Same data, recipe and seed.";
    }
}
