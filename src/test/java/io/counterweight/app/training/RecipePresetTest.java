package io.counterweight.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.counterweight.app.Workbench;
import io.counterweight.app.testing.CollectingErrorReporter;
import io.counterweight.app.testing.ManualUiScheduler;
import io.counterweight.app.testing.SameThreadTaskExecutor;
import io.counterweight.app.testing.ScriptedTrainingService;
import io.counterweight.app.testing.TestServices;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.RecipePresets;
import io.counterweight.core.train.LrDecay;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The preset choice sets every field of the recipe, the schedule included; any edit makes it "custom". */
class RecipePresetTest {
    private final Workbench workbench = new Workbench(TestServices.withTraining(new ScriptedTrainingService()));
    private final TrainingViewModel vm = new TrainingViewModel(workbench, new SameThreadTaskExecutor(new CollectingErrorReporter()),
            ManualUiScheduler.immediate(), new CollectingErrorReporter());

    @Test
    void offersFastDemoStudyAndRecommendedFromTheCore() {
        assertEquals(List.of(RecipePreset.FAST_DEMO, RecipePreset.STUDY, RecipePreset.RECOMMENDED, RecipePreset.CUSTOM),
                List.of(RecipePreset.values()));
        assertEquals(ExperimentConfig.Recipe.fastDemo(), RecipePreset.FAST_DEMO.recipe());
        assertEquals(RecipePresets.recipe("study"), RecipePreset.STUDY.recipe());
        assertEquals(RecipePresets.recommended(), RecipePreset.RECOMMENDED.recipe());
        assertEquals(RecipePresets.describe("recommended"), RecipePreset.RECOMMENDED.description());
    }

    @Test
    void eachPresetSetsEveryRecipeField() {
        // Start from values no preset has, so each field must be written by the preset to match.
        workbench.warmupProperty().set(5);
        workbench.decayProperty().set(LrDecay.STEP);
        workbench.decayEveryProperty().set(7);
        workbench.decayGammaProperty().set(0.3);
        workbench.batchProperty().set(3);
        workbench.momentumProperty().set(0.5);
        assertEquals(RecipePreset.CUSTOM, vm.presetProperty().get());
        for (RecipePreset p : List.of(RecipePreset.RECOMMENDED, RecipePreset.STUDY, RecipePreset.FAST_DEMO, RecipePreset.RECOMMENDED)) {
            vm.presetProperty().set(p);
            assertEquals(p.recipe(), workbench.config("run").recipe(), p.toString());
            assertEquals(p, vm.presetProperty().get(), "still " + p + " after applying it");
        }
        ExperimentConfig.Recipe r = workbench.config("run").recipe();
        assertEquals(RecipePresets.recommended().warmup(), r.warmup(), "the last preset's warm-up replaced 5");
        assertEquals(LrDecay.COSINE, r.decay(), "the recommended preset's cosine replaced step");
    }

    @Test
    void editingAScheduleFieldMakesTheRecipeCustomAndBackWhenItMatchesAgain() {
        vm.presetProperty().set(RecipePreset.RECOMMENDED);
        workbench.decayProperty().set(LrDecay.NONE);
        assertEquals(RecipePreset.CUSTOM, vm.presetProperty().get());
        assertNotEquals(RecipePresets.recommended(), workbench.config("run").recipe());
        workbench.decayProperty().set(LrDecay.COSINE);
        assertEquals(RecipePreset.RECOMMENDED, vm.presetProperty().get(), "the values match a preset again");
        workbench.warmupProperty().set(RecipePresets.recommended().warmup() + 1);
        assertEquals(RecipePreset.CUSTOM, vm.presetProperty().get());
    }
}
