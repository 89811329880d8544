package io.counterweight.app.window;

import io.counterweight.app.AppContext;
import io.counterweight.app.CounterweightApp;
import io.counterweight.app.common.FxTaskExecutor;
import io.counterweight.app.common.FxUiScheduler;
import io.counterweight.app.data.RecentFolders;
import io.counterweight.app.runs.WorkspacePreference;
import io.counterweight.app.services.Services;
import io.counterweight.app.testing.CollectingErrorReporter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
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
        AppContext context = new AppContext(Services.core(runs), new FxTaskExecutor(errors), new FxUiScheduler(), errors,
                new RecentFolders(prefs), new WorkspacePreference(prefs), new ThemePreference(prefs));
        Scene scene = new Scene(context.load("MainView"), width, height);
        scene.getStylesheets().add(CounterweightApp.stylesheet());
        stage.setScene(scene);
        stage.show();
        return context;
    }

    static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
