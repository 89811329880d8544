package io.counterweight.app;

import io.counterweight.app.common.AlertErrorReporter;
import io.counterweight.app.common.FxTaskExecutor;
import io.counterweight.app.common.FxUiScheduler;
import io.counterweight.app.common.LookWarmUp;
import io.counterweight.app.common.PulseMonitor;
import io.counterweight.app.data.RecentFolders;
import io.counterweight.app.runs.WorkspacePreference;
import io.counterweight.app.services.Services;
import io.counterweight.app.training.RunState;
import io.counterweight.app.window.Stylesheets;
import io.counterweight.app.window.ThemePreference;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The Counterweight window. Opens on the built-in demo data set with the fast-demo recipe, so a
 * first run needs no download and trains something visible within a minute. One optional argument
 * opens a data set (Data tab) or a run folder (Runs tab) instead; {@code --presenter} opens in presenter mode.
 */
public class CounterweightApp extends Application {
    public static final String TITLE = "Counterweight";
    public static final String STYLESHEET = Stylesheets.BASE;
    /** {@code counterweight gui --presenter}: open in presenter mode. */
    public static final String PRESENTER_FLAG = "--presenter";

    private AppContext context;
    private PulseMonitor pulse;

    @Override
    public void start(Stage stage) {
        AlertErrorReporter errors = new AlertErrorReporter(() -> stage);
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> errors.report(e));
        WorkspacePreference workspace = WorkspacePreference.forUser();
        // the workspace chosen in Preferences, else the CLI's ($COUNTERWEIGHT_WORKSPACE, else the platform's)
        context = createContext(Services.core(workspace.get()), errors, workspace);
        List<String> args = new ArrayList<>(getParameters().getUnnamed());
        boolean presenter = args.remove(PRESENTER_FLAG);
        Parent root = context.load("MainView");
        // Large enough for a projector, never larger than the screen (a 1366x768 laptop too).
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1560, screen.getWidth() * 0.96), Math.min(960, screen.getHeight() * 0.94));
        scene.getStylesheets().add(stylesheet()); // the main view adds the dark and presenter sheets when chosen
        stage.setTitle(TITLE);
        stage.setScene(scene);
        stage.setMinWidth(Math.min(1100, screen.getWidth()));
        stage.setMinHeight(Math.min(700, screen.getHeight()));
        stage.show();
        pulse = PulseMonitor.startIfRequested(); // -Dcounterweight.pulseLog=FILE (bench/pulse.sh); else null
        if (pulse != null) markEvents(pulse);
        context.mainViewModel().probeBackend(context.executor());
        context.mainViewModel().presenterProperty().set(presenter);
        // One throw-away epoch before the first Start (-Dcounterweight.warmup=false: none, for comparisons)
        if (!"false".equals(System.getProperty("counterweight.warmup"))) {
            context.warmUp().startWhenDataArrives();
            // then the busy look, styled once unseen, so the first Start's restyle finds its styles cached
            context.warmUp().runningProperty().addListener((o, was, now) -> {
                if (!now) LookWarmUp.disabledLook(root, context.workbench().busyProperty());
            });
        }
        context.openFromOutside(args.isEmpty() ? null : args.get(0)); // a data set or a run folder; else the demo
    }

    /** Names loads and runs in the pulse log; after each run, the heap after a full GC. */
    private void markEvents(PulseMonitor monitor) {
        context.dataViewModel().loadingProperty().addListener((o, was, now) -> monitor.mark(now ? "load-start" : "load-end"));
        context.trainingViewModel().stateProperty().addListener((o, was, now) -> {
            if (was == RunState.IDLE && now == RunState.RUNNING) monitor.mark("run-start");
            else if (now == RunState.IDLE) monitor.markAfterGc("run-end");
        });
        context.warmUp().runningProperty().addListener((o, was, now) -> monitor.mark(now ? "warmup-start" : "warmup-end"));
    }

    /** The context of one window with the app's threads; tests build theirs with other parts. */
    static AppContext createContext(Services services, AlertErrorReporter errors, WorkspacePreference workspace) {
        return new AppContext(services, new FxTaskExecutor(errors), new FxUiScheduler(), errors, RecentFolders.forUser(), workspace,
                ThemePreference.forUser());
    }

    public static String stylesheet() {
        return CounterweightApp.class.getResource(STYLESHEET).toExternalForm();
    }

    @Override
    public void stop() {
        if (pulse != null) pulse.stop();
        if (context != null) context.shutdown();
    }

    public static void main(String[] args) {
        launch(CounterweightApp.class, args);
    }
}
