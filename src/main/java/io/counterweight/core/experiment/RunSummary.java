package io.counterweight.core.experiment;

import io.counterweight.core.augment.AugmentConfig;
import io.counterweight.core.augment.TransformConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line of the run history, read from a run folder as far as it can be read: a folder with a missing
 * or broken file still gives a summary, with the status it can tell and a one-line {@code problem}.
 *
 * @param name       the user's name for the run (meta.json), else the folder's name
 * @param data       the data set's name as trained on (provenance), else the configured path
 * @param remedies   what differs from the baseline, e.g. "sampler + rotation 0.3, flip 0.3", or "none"
 * @param epochs     epochs planned (0 when the config is unreadable)
 * @param accuracy   after the last completed epoch; NaN when none completed (likewise the other metrics)
 * @param startTime  ISO-8601, or null when unknown
 * @param seconds    training and evaluation time of the completed epochs
 * @param problem    why the folder could not be read whole, or null
 */
public record RunSummary(Path runDir, String name, String label, String model, String data, String remedies,
                         RunStatus status, int epochsDone, int epochs, double accuracy, double macroF1,
                         double balancedAccuracy, String startTime, double seconds, List<String> tags, String problem) {

    public RunSummary {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** "sampler + rotation 0.3, affine 0.3, flip 0.3, jitter 0.3", "none", …: the remedies of a config. */
    public static String describeRemedies(ExperimentConfig.Remedies r) {
        List<String> parts = new ArrayList<>();
        if (r.sampler()) parts.add("sampler" + (r.weightMode().name().startsWith("EFFECTIVE") ? " (effective number)" : ""));
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
        if (t.enabled()) out.add(String.format(Locale.ROOT, "%s %.2g", name, t.probability()));
    }
}
