package io.counterweight.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.counterweight.core.CounterweightException;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An error reported from a worker thread appears as an alert with its one-line message. */
@ExtendWith(ApplicationExtension.class)
class AlertErrorReporterTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @Test
    void errorFromAWorkerThreadShowsAnAlert(FxRobot robot) throws Exception {
        AlertErrorReporter reporter = new AlertErrorReporter(() -> stage);
        Thread worker = new Thread(() -> reporter.report(new CounterweightException("/data/x: no images in class folder 'cat'")));
        worker.start();
        worker.join();
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals("/data/x: no images in class folder 'cat'", pane.getContentText());
        robot.clickOn("OK");
        assertEquals(0, robot.lookup(".dialog-pane").queryAll().size());
    }
}
