package io.counterweight.app;

import io.counterweight.app.common.BackgroundJob;
import io.counterweight.app.common.TaskExecutor;
import io.counterweight.core.data.Dataset;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
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

    public MainViewModel(Workbench workbench) {
        this.workbench = workbench;
        datasetTitle = Bindings.createStringBinding(() -> {
            Dataset d = workbench.selected();
            return d == null ? "no data loaded" : d.name() + " · " + d.numClasses() + " classes · " + d.train().size() + " training images";
        }, workbench.selectedProperty());
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
}
