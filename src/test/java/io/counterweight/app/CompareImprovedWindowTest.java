package io.counterweight.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.app.services.Services;
import io.counterweight.app.testing.CollectingErrorReporter;
import io.counterweight.app.testing.CompareFlow;
import io.counterweight.app.testing.TestWindow;
import io.counterweight.core.augment.AugmentConfig;
import io.counterweight.core.augment.TransformConfig;
import io.counterweight.core.experiment.ExperimentConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real window on the real core, headless: remedies set with the Augmentation and Sampler tabs' own controls,
 * then "Train baseline + improved" on the Compare tab. The improved run's saved config must carry exactly those
 * settings (not the study's), the baseline none, and the Compare tab must say what "improved" was.
 */
@ExtendWith(ApplicationExtension.class)
class CompareImprovedWindowTest {
    private final CollectingErrorReporter errors = new CollectingErrorReporter();
    private final Preferences prefs = Preferences.userRoot().node("io/counterweight/test-" + UUID.randomUUID());
    private AppContext context;

    @TempDir Path dir;

    @Start
    void start(Stage stage) {
        context = TestWindow.show(stage, Services.core(dir.resolve("runs")), errors, prefs);
    }

    @AfterEach
    void tearDown() throws Exception {
        context.shutdown();
        prefs.removeNode();
    }

    @Test
    void theImprovedRunTrainsWithTheAugmentationAndSamplerTabsSettings(FxRobot robot) throws Exception {
        CompareFlow.loadSmallFolder(robot, context, dir);

        // Augmentation tab: the study's four at p = 0.3, then affine off and rotation's probability two steps up.
        robot.clickOn("3  Augmentation");
        robot.clickOn("Study: all four at p = 0.3");
        ToggleSwitch affine = robot.lookup("#switch-affine").query();
        robot.clickOn(affine);
        assertFalse(affine.isSelected(), "precondition: the click turned affine off");
        Slider rotation = robot.lookup("#probability-rotation").query();
        robot.clickOn(rotation.lookup(".thumb")); // focuses the slider without moving it
        robot.type(KeyCode.RIGHT, 2); // block increment 0.05
        assertEquals(0.4, rotation.getValue(), 1e-9, "precondition: the keys moved the slider");

        // Sampler tab: the re-weighted sampler on.
        CompareFlow.turnSamplerOn(robot);

        CompareFlow.trainBoth(robot, context, errors);
        assertEquals(List.of(), errors.messages);

        Path workspace = dir.resolve("runs");
        ExperimentConfig improved = CompareFlow.savedConfig(CompareFlow.runFolder(workspace, "improved"));
        AugmentConfig expected = AugmentConfig.study().withAffine(new TransformConfig(false, 0.3, AugmentConfig.study().affine().magnitude()))
                .withRotation(new TransformConfig(true, rotation.getValue(), AugmentConfig.study().rotation().magnitude()));
        assertEquals(expected, improved.remedies().augment(), "the Augmentation tab's settings, not the study's");
        assertTrue(improved.remedies().sampler(), "the Sampler tab's switch");
        ExperimentConfig baseline = CompareFlow.savedConfig(CompareFlow.runFolder(workspace, "baseline"));
        assertEquals(AugmentConfig.none(), baseline.remedies().augment());
        assertFalse(baseline.remedies().sampler());
        assertEquals(baseline.recipe(), improved.recipe(), "same recipe, only the remedies differ");
        assertEquals(baseline.seed(), improved.seed());

        // What the Compare tab says "improved" is: rotation at its new probability, no affine, the sampler.
        for (String id : List.of("#planLabel", "#statusLabel")) {
            String text = robot.lookup(id).queryAs(Label.class).getText();
            assertTrue(text.contains("rotation 0.4"), id + ": " + text);
            assertTrue(text.contains("sampler"), id + ": " + text);
            assertFalse(text.contains("affine"), id + ": " + text);
        }
    }
}
