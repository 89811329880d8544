package io.counterweight.app.compare;

import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.RunSummary;
import io.counterweight.core.sampling.WeightMode;
import java.util.Locale;

/** The remedies of a config in words, as the Compare screen says what "improved" means. */
final class RemediesText {
    private RemediesText() { }

    /** e.g. "sampler (inverse frequency) + rotation 0.3, flip 0.5"; "none" when both remedies are off. */
    static String of(ExperimentConfig.Remedies r) {
        String text = RunSummary.describeRemedies(r); // the history's wording, so the Runs tab reads the same
        if (!r.sampler()) return text;
        String mode = r.weightMode() == WeightMode.INVERSE_FREQUENCY ? "sampler (inverse frequency)"
                : String.format(Locale.ROOT, "sampler (effective number, β %.4g)", r.beta());
        return text.replaceFirst("^sampler( \\(effective number\\))?", java.util.regex.Matcher.quoteReplacement(mode));
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
