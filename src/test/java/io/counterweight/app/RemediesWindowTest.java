package io.counterweight.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.app.services.Services;
import io.counterweight.app.testing.CollectingErrorReporter;
import io.counterweight.app.testing.TestWindow;
import io.counterweight.app.training.RunState;
import io.counterweight.core.data.DemoDataset;
import io.counterweight.core.experiment.ConfigJson;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.train.LossKind;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The new controls in the real window on the real core (Monocle, headless): exact counts typed on the
 * Data tab, the logit-adjusted loss and mixup set on the Training tab's "Loss & schedule" card, one short
 * run whose config.json holds all of them.
 */
@ExtendWith(ApplicationExtension.class)
class RemediesWindowTest {
    private final CollectingErrorReporter errors = new CollectingErrorReporter();
    private final Preferences prefs = Preferences.userRoot().node("io/counterweight/test-" + UUID.randomUUID());
    private AppContext context;

    @TempDir
    Path dir;

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
    void exactCountsAndARemedyFromTheViewReachTheRunsConfigJson(FxRobot robot) throws Exception {
        robot.interact(() -> context.dataViewModel().loadDemo());
        waitUntil(60, () -> context.workbench().selected() != null);

        // Data: ten images of every class, typed into the field (Enter applies), so the run stays short.
        int k = DemoDataset.CLASS_NAMES.size();
        String tens = String.join(", ", Collections.nCopies(k, "10"));
        robot.clickOn("#perClassField").write(tens).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        int[] expected = new int[k];
        Arrays.fill(expected, 10);
        assertArrayEquals(expected, context.workbench().selected().trainCounts());
        assertTrue(robot.lookup("#imbalanceSlider").query().isDisabled(), "exact counts replace the long tail");

        // Training: the loss from the card's choice box, mixup typed into its field.
        robot.clickOn("4  Training");
        ChoiceBox<LossKind> loss = robot.lookup("#lossChoice").query();
        TextField tau = robot.lookup("#tauField").query();
        assertTrue(tau.getOpacity() < 1, "τ dimmed: used only by the logit-adjusted loss");
        robot.clickOn(loss);
        robot.clickOn("logit-adjusted (τ)");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(LossKind.LOGIT_ADJUSTED, context.workbench().lossProperty().get());
        assertEquals(1.0, tau.getOpacity(), 0);
        TextField mixup = robot.lookup("#mixupField").query();
        robot.clickOn(mixup);
        robot.interact(mixup::selectAll);
        robot.write("0.3").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.3, context.workbench().mixupProperty().get(), 0, "field shows '" + mixup.getText() + "'");
        robot.interact(() -> {
            context.workbench().modelProperty().set("mlp");
            context.workbench().epochsProperty().set(1);
            context.workbench().batchProperty().set(16);
        });
        robot.clickOn("#startButton");
        waitUntil(10, () -> context.workbench().busyProperty().get() || context.trainingViewModel().lastOutcomeProperty().get() != null);
        Spinner<?> warmup = robot.lookup("#warmupSpinner").query();
        if (context.workbench().busyProperty().get()) {
            assertTrue(loss.isDisabled() && warmup.isDisabled(), "the card is read-only while a run trains");
        }
        waitUntil(180, () -> context.trainingViewModel().lastOutcomeProperty().get() != null
                && context.trainingViewModel().stateProperty().get() == RunState.IDLE);
        assertEquals(List.of(), errors.messages);
        assertFalse(loss.isDisabled(), "editable again after the run");

        Path runDir = context.trainingViewModel().lastOutcomeProperty().get().runDir();
        assertNotNull(runDir);
        ExperimentConfig saved = ConfigJson.readConfig(runDir.resolve("config.json"));
        assertEquals(LossKind.LOGIT_ADJUSTED, saved.remedies().loss());
        assertEquals(0.3, saved.remedies().mixup(), 0);
        assertEquals(Collections.nCopies(k, 10), saved.data().perClass());
        assertEquals("improved", saved.label());
    }

    private static void waitUntil(int seconds, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
