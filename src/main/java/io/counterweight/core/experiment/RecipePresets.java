package io.counterweight.core.experiment;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.train.LrDecay;
import java.util.List;
import java.util.Locale;

/**
 * Named training recipes, for {@code --preset} of train, compare and grid. Options given next to a preset
 * override its values. How "recommended" was chosen is measured in docs/methods.md.
 */
public final class RecipePresets {
    public static final String STUDY = "study";
    public static final String RECOMMENDED = "recommended";
    public static final List<String> NAMES = List.of(STUDY, RECOMMENDED);

    private RecipePresets() { }

    /** @throws CounterweightException naming {@code --preset} when the name is unknown */
    public static ExperimentConfig.Recipe recipe(String name) {
        return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
            case STUDY -> ExperimentConfig.Recipe.study();
            case RECOMMENDED -> recommended();
            default -> throw new CounterweightException("--preset must be one of " + String.join(", ", NAMES) + ", got '" + name + "'");
        };
    }

    /**
     * The study's CNN, batch and epochs with a learning rate that trains it (1e-4 under-trains these small
     * CNNs) and a cosine decay: the best of the recipes measured in docs/methods.md.
     */
    public static ExperimentConfig.Recipe recommended() {
        return new ExperimentConfig.Recipe("study", 50, 32, 0.01, 0.9, 0, LrDecay.COSINE,
                ExperimentConfig.Recipe.DEFAULT_DECAY_EVERY, ExperimentConfig.Recipe.DEFAULT_DECAY_GAMMA);
    }

    /** One line per preset, for --help and the GUI. */
    public static String describe(String name) {
        ExperimentConfig.Recipe r = recipe(name);
        String schedule = r.warmup() > 0 ? ", warm-up " + r.warmup() + " epochs" : "";
        if (r.decay() != LrDecay.NONE) schedule += ", " + r.decay().name().toLowerCase(Locale.ROOT) + " decay";
        return name + ": model " + r.model() + ", " + r.epochs() + " epochs, batch " + r.batch() + ", SGD lr " + r.learningRate()
                + " momentum " + r.momentum() + schedule;
    }
}
