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

/** Fills the tabs with the six screens and binds the header and the status bar. */
public final class MainViewController {
    private final AppContext context;

    @FXML private BorderPane root;
    @FXML private TabPane tabs;
    @FXML private Tab dataTab;
    @FXML private Tab samplerTab;
    @FXML private Tab augmentTab;
    @FXML private Tab trainingTab;
    @FXML private Tab compareTab;
    @FXML private Tab runsTab;
    @FXML private Tab gridTab;
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
        runsTab.setContent(context.load("RunsView"));
        gridTab.setContent(context.load("GridView"));
        MainViewModel vm = context.mainViewModel();
        bindScreens(vm);
        datasetLabel.textProperty().bind(vm.datasetTitle());
        backendLabel.textProperty().bind(vm.backendProperty());
        jobLabel.setText("");
        jobProgress.setVisible(false);
        if (context.executor() instanceof FxTaskExecutor fx) {
            var running = fx.runningTasks();
            running.addListener((javafx.collections.ListChangeListener<Task<?>>) c -> showJob(running));
        }
    }

    /** The selected tab follows the view model's screen and back; the run history re-lists only while shown. */
    private void bindScreens(MainViewModel vm) {
        var all = java.util.List.of(dataTab, samplerTab, augmentTab, trainingTab, compareTab, runsTab, gridTab);
        tabs.getSelectionModel().select(all.get(vm.screenProperty().get().ordinal()));
        vm.screenProperty().addListener((o, a, s) -> tabs.getSelectionModel().select(all.get(s.ordinal())));
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            if (i.intValue() >= 0) vm.screenProperty().set(MainViewModel.Screen.values()[i.intValue()]);
        });
        var runs = context.runsViewModel();
        runsTab.selectedProperty().addListener((o, a, shown) -> runs.activeProperty().set(shown));
        runs.activeProperty().set(runsTab.isSelected());
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
