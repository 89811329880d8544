package io.counterweight.app.training;

import io.counterweight.core.experiment.ExperimentConfig;

/** The two recipes offered on the Training screen; CUSTOM once the user edits a value. */
public enum RecipePreset {
    FAST_DEMO("fast demo", ExperimentConfig.fastDemo()),
    STUDY("study", ExperimentConfig.study(ExperimentConfig.DEMO)),
    CUSTOM("custom", null);

    private final String label;
    private final ExperimentConfig recipe;

    RecipePreset(String label, ExperimentConfig recipe) {
        this.label = label;
        this.recipe = recipe;
    }

    /** The config whose recipe part (model, epochs, batch, lr, momentum) this preset sets; null for CUSTOM. */
    public ExperimentConfig recipe() {
        return recipe;
    }

    @Override
    public String toString() {
        return label;
    }
}
