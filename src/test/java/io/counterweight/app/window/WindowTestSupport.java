package io.counterweight.app.window;

import io.counterweight.app.AppContext;
import io.counterweight.app.services.Services;
import io.counterweight.app.testing.CollectingErrorReporter;
import io.counterweight.app.testing.TestWindow;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** The real window on the real core for the window-level tests, with preferences in a throw-away node. */
final class WindowTestSupport {
    private WindowTestSupport() { }

    /**
     * Shows the window on {@code stage}. Tests give it a stage of their own, not TestFX's shared primary stage:
     * presenter mode sizes its stage explicitly, which the next test class's stage would otherwise keep.
     */
    static AppContext show(Stage stage, Path runs, CollectingErrorReporter errors, Preferences prefs, double width, double height) {
        AppContext context = TestWindow.show(stage, Services.core(runs), errors, prefs, width, height);
        return context;
    }

    static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
