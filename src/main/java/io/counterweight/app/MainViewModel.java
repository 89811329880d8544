package io.counterweight.app;

import io.counterweight.app.common.BackgroundJob;
import io.counterweight.app.common.TaskExecutor;
import io.counterweight.core.data.Dataset;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import io.counterweight.app.window.Lesson;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * State of the main window: the data set named in the header and the ND4J backend and device in
 * the status bar (asked off the FX thread: ND4J's first start takes seconds).
 */
public final class MainViewModel {
    /** The screens, in tab order. */
    public enum Screen { DATA, SAMPLER, AUGMENTATION, TRAINING, COMPARE, RUNS, GRID }

    private final Workbench workbench;
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(this, "screen", Screen.DATA);
    private final ReadOnlyStringWrapper backend = new ReadOnlyStringWrapper(this, "backend", "ND4J: starting …");
    private final StringBinding datasetTitle;
    private final BooleanProperty presenter = new SimpleBooleanProperty(this, "presenter", false);
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme", false);
    private final BooleanProperty helpShown = new SimpleBooleanProperty(this, "helpShown", false);
    private final Lesson lesson;

    public MainViewModel(Workbench workbench) {
        this.workbench = workbench;
        datasetTitle = Bindings.createStringBinding(() -> {
            Dataset d = workbench.selected();
            return d == null ? "no data loaded" : d.name() + " · " + d.numClasses() + " classes · " + d.train().size() + " training images";
        }, workbench.selectedProperty());
        lesson = new Lesson(workbench, screen);
        presenter.addListener((o, was, on) -> { if (on && lesson.indexProperty().get() < 0) lesson.go(0); });
        // a data set loaded in presenter mode (the demo at start-up) keeps the lesson's long tail
        workbench.loadedProperty().addListener(x -> { if (presenter.get()) lesson.reapply(); });
    }

    /** Asks the core which backend and device train, once. */
    public void probeBackend(TaskExecutor executor) {
        BackgroundJob.of("Starting ND4J", ctx -> workbench.services().training().backendSummary())
                .onSuccess(text -> backend.set("ND4J " + text))
                .onFailure(e -> backend.set("ND4J unavailable: " + io.counterweight.app.common.ErrorReporter.userMessage(e)))
                .executeWith(executor);
    }

    /** The screen shown; the tabs follow it and set it. */
    public ObjectProperty<Screen> screenProperty() { return screen; }
    public ReadOnlyStringProperty backendProperty() { return backend.getReadOnlyProperty(); }
    public StringBinding datasetTitle() { return datasetTitle; }
    /** Presenter mode: full screen, large type, the essential controls and the lesson (menu, F11, --presenter). */
    public BooleanProperty presenterProperty() { return presenter; }
    public BooleanProperty darkThemeProperty() { return darkTheme; }
    /** The F1 help overlay. */
    public BooleanProperty helpShownProperty() { return helpShown; }
    /** The guided lesson, shown in presenter mode; it starts at its first step when presenter mode first opens. */
    public Lesson lesson() { return lesson; }
}
