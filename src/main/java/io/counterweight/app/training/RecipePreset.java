package io.counterweight.app.training;

import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.RecipePresets;

/** The recipes offered on the Training screen; CUSTOM once the user edits a value. */
public enum RecipePreset {
    FAST_DEMO("fast demo", ExperimentConfig.Recipe.fastDemo()),
    STUDY(RecipePresets.STUDY, RecipePresets.recipe(RecipePresets.STUDY)),
    RECOMMENDED(RecipePresets.RECOMMENDED, RecipePresets.recipe(RecipePresets.RECOMMENDED)),
    CUSTOM("custom", null);

    private final String label;
    private final ExperimentConfig.Recipe recipe;

    RecipePreset(String label, ExperimentConfig.Recipe recipe) {
        this.label = label;
        this.recipe = recipe;
    }

    /** Every field this preset sets (model, epochs, batch, lr, momentum, warm-up, decay); null for CUSTOM. */
    public ExperimentConfig.Recipe recipe() {
        return recipe;
    }

    /** One line for the preset's tooltip, e.g. "study: model study, 50 epochs, batch 32, SGD lr 1.0E-4 momentum 0.9". */
    public String description() {
        if (recipe == null) return "custom: a value was edited by hand";
        if (this == FAST_DEMO) return "fast demo: " + recipe.epochs() + " epochs, batch " + recipe.batch() + ", SGD lr "
                + recipe.learningRate() + ": something visible within a minute";
        return RecipePresets.describe(label);
    }

    @Override
    public String toString() {
        return label;
    }
}
