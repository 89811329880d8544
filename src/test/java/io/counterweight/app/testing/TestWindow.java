package io.counterweight.app.testing;

import io.counterweight.app.AppContext;
import io.counterweight.app.CounterweightApp;
import io.counterweight.app.common.FxTaskExecutor;
import io.counterweight.app.common.FxUiScheduler;
import io.counterweight.app.data.RecentFolders;
import io.counterweight.app.runs.WorkspacePreference;
import io.counterweight.app.services.Services;
import io.counterweight.app.window.ThemePreference;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The real window for TestFX tests: the main view on {@code services} with the app's executor, scheduler and
 * stylesheet, and every preference (recent folders, workspace, theme) in the test's own throw-away node.
 */
public final class TestWindow {
    /** Monocle's headless screen is 1280x800 by default; a larger window overflows its framebuffer. */
    public static final double WIDTH = 1270;
    public static final double HEIGHT = 790;

    private TestWindow() { }

    public static AppContext show(Stage stage, Services services, CollectingErrorReporter errors, Preferences prefs) {
        return show(stage, services, errors, prefs, WIDTH, HEIGHT);
    }

    public static AppContext show(Stage stage, Services services, CollectingErrorReporter errors, Preferences prefs,
                                  double width, double height) {
        AppContext context = new AppContext(services, new FxTaskExecutor(errors), new FxUiScheduler(), errors,
                new RecentFolders(prefs), new WorkspacePreference(prefs), new ThemePreference(prefs));
        Scene scene = new Scene(context.load("MainView"), width, height);
        scene.getStylesheets().add(CounterweightApp.stylesheet());
        stage.setScene(scene);
        stage.show();
        return context;
    }
}
