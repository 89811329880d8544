package io.counterweight.core.experiment.grid;

import io.counterweight.core.experiment.ExperimentConfig;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of a grid: a remedy combination at one imbalance ratio with one seed.
 *
 * @param index  1-based position in the plan (what {@code --cell} and a Slurm array task take)
 * @param config the run's config; its label names the cell, e.g. "sampler+augment u=0.1 seed=43"
 */
public record GridCell(int index, String remedy, double imbalance, long seed, ExperimentConfig config) {

    private static final Pattern LABEL = Pattern.compile("^(\\S+) u=(\\S+) seed=(-?\\d+)$");

    /** "sampler+augment u=0.1 seed=43": the run's label, shown in the run history and its folder name. */
    public static String label(String remedy, double imbalance, long seed) {
        return remedy + " u=" + ratio(imbalance) + " seed=" + seed;
    }

    /** The remedy name in a grid cell's run label, or null when the label is not one. */
    public static String remedyOfLabel(String label) {
        Matcher m = label == null ? null : LABEL.matcher(label);
        return m != null && m.matches() ? m.group(1) : null;
    }

    /** 0.1, 0.005, 1: the ratio without trailing zeros. */
    public static String ratio(double u) {
        return BigDecimal.valueOf(u).stripTrailingZeros().toPlainString();
    }

    public String label() {
        return config.label();
    }
}
