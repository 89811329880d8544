package io.counterweight.app;

import io.counterweight.app.common.FxTaskExecutor;
import javafx.beans.binding.Bindings;
import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

/** Fills the tabs with the five screens and binds the header and the status bar. */
public final class MainViewController {
    private final AppContext context;

    @FXML private BorderPane root;
    @FXML private TabPane tabs;
    @FXML private Tab dataTab;
    @FXML private Tab samplerTab;
    @FXML private Tab augmentTab;
    @FXML private Tab trainingTab;
    @FXML private Tab compareTab;
    @FXML private Label datasetLabel;
    @FXML private Label backendLabel;
    @FXML private Label jobLabel;
    @FXML private ProgressBar jobProgress;

    public MainViewController(AppContext context) {
        this.context = context;
    }

    @FXML
    private void initialize() {
        dataTab.setContent(context.load("DataView"));
        samplerTab.setContent(context.load("SamplerView"));
        augmentTab.setContent(context.load("AugmentationView"));
        trainingTab.setContent(context.load("TrainingView"));
        compareTab.setContent(context.load("CompareView"));
        MainViewModel vm = context.mainViewModel();
        datasetLabel.textProperty().bind(vm.datasetTitle());
        backendLabel.textProperty().bind(vm.backendProperty());
        jobLabel.setText("");
        jobProgress.setVisible(false);
        if (context.executor() instanceof FxTaskExecutor fx) {
            var running = fx.runningTasks();
            running.addListener((javafx.collections.ListChangeListener<Task<?>>) c -> showJob(running));
        }
    }

    /** The newest running job in the status bar: its message (or title) and progress. */
    private void showJob(java.util.List<Task<?>> running) {
        jobLabel.textProperty().unbind();
        jobProgress.progressProperty().unbind();
        if (running.isEmpty()) {
            jobLabel.setText("");
            jobProgress.setVisible(false);
            return;
        }
        Task<?> t = running.get(running.size() - 1);
        jobLabel.textProperty().bind(Bindings.when(t.messageProperty().isEmpty()).then(t.titleProperty()).otherwise(t.messageProperty()));
        jobProgress.progressProperty().bind(t.progressProperty());
        jobProgress.setVisible(true);
    }

    public TabPane tabs() { return tabs; }
}
