package io.counterweight.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** LookWarmUp on a real scene: a flag that disables a button and a box with a field, and a label it leaves alone. */
@ExtendWith(ApplicationExtension.class)
class LookWarmUpTest {
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty(false);
    private Button button; // made in start(): controls need the toolkit running
    private TextField field;
    private VBox root;

    @Start
    void start(Stage stage) {
        button = new Button("Start");
        field = new TextField("3");
        HBox box = new HBox(new Label("epochs"), field);
        button.disableProperty().bind(busy);
        box.disableProperty().bind(busy);
        root = new VBox(button, box, new Label("not bound"));
        Scene scene = new Scene(root, 300, 200);
        // a look only the disabled state has, to see whether it was styled
        String css = ".button:disabled { -fx-opacity: 0.25; }";
        scene.getStylesheets().add("data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8)));
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void stylesTheDisabledLookOnceAndLeavesTheFlagAsItWas(FxRobot robot) {
        List<Boolean> flag = new ArrayList<>();
        List<Double> buttonOpacity = new ArrayList<>();
        busy.addListener((o, was, now) -> flag.add(now));
        button.opacityProperty().addListener((o, was, now) -> buttonOpacity.add(now.doubleValue()));
        int[] styled = new int[1];
        robot.interact(() -> styled[0] = LookWarmUp.disabledLook(root, busy));
        assertEquals(2, styled[0], "the button and the box: the field is styled with its box");
        assertEquals(List.of(true, false), flag, "set once, cleared once");
        assertFalse(busy.get());
        assertTrue(buttonOpacity.contains(0.25), "the button was styled in its disabled look: " + buttonOpacity);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> root.applyCss());
        assertEquals(1.0, button.getOpacity(), 1e-9, "and is back in its enabled look after the next pulse");
        assertFalse(button.isDisabled());
        assertFalse(field.isDisabled());
    }

    @Test
    void doesNothingWhileTheFlagIsAlreadySet(FxRobot robot) {
        busy.set(true);
        int[] styled = new int[1];
        robot.interact(() -> styled[0] = LookWarmUp.disabledLook(root, busy));
        assertEquals(0, styled[0]);
        assertTrue(busy.get(), "a real busy state is not cleared");
        assertTrue(button.isDisabled());
    }
}
