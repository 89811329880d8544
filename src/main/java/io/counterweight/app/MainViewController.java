package io.counterweight.app;

import io.counterweight.app.common.FxTaskExecutor;
import io.counterweight.app.training.RunState;
import io.counterweight.app.window.HelpOverlay;
import io.counterweight.app.window.PresenterMode;
import io.counterweight.app.window.Shortcut;
import io.counterweight.app.window.ShortcutTable;
import io.counterweight.app.window.Stylesheets;
import io.counterweight.app.window.WindowActions;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

/**
 * Fills the tabs with the six screens and binds the header and the status bar; carries out the window's
 * shortcuts (one {@link ShortcutTable}), the View menu, the help overlay, the dark theme and presenter mode.
 */
public final class MainViewController implements WindowActions {
    private final AppContext context;
    private List<Shortcut> shortcuts;
    private PresenterMode presenter;
    private HelpOverlay help;

    @FXML private StackPane layers;
    @FXML private BorderPane root;
    @FXML private MenuButton viewMenu;
    @FXML private HBox lessonBar;
    @FXML private Label lessonPosition;
    @FXML private Label lessonSentence;
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
        bindWindowModes(vm);
    }

    /** Shortcuts, View menu, help overlay, lesson bar, theme and presenter mode, applied once the view is in a scene. */
    private void bindWindowModes(MainViewModel vm) {
        shortcuts = ShortcutTable.of(this);
        presenter = new PresenterMode(layers);
        help = new HelpOverlay(shortcuts, () -> vm.helpShownProperty().set(false));
        help.visibleProperty().bind(vm.helpShownProperty());
        layers.getChildren().add(help);
        var lesson = vm.lesson();
        lessonPosition.textProperty().bind(lesson.positionProperty());
        lessonSentence.textProperty().bind(lesson.sentenceProperty());
        lessonBar.visibleProperty().bind(vm.presenterProperty());
        lessonBar.managedProperty().bind(vm.presenterProperty());
        var presenterItem = new CheckMenuItem(menuText(KeyCode.F11));
        presenterItem.selectedProperty().bindBidirectional(vm.presenterProperty());
        var darkItem = new CheckMenuItem(menuText(KeyCode.D));
        darkItem.selectedProperty().bindBidirectional(vm.darkThemeProperty());
        var helpItem = new MenuItem(menuText(KeyCode.F1));
        helpItem.setOnAction(e -> toggleHelp());
        viewMenu.getItems().setAll(presenterItem, darkItem, helpItem);
        layers.sceneProperty().addListener((o, was, scene) -> { if (scene != null) attach(scene, vm); });
        if (layers.getScene() != null) attach(layers.getScene(), vm);
    }

    private void attach(Scene scene, MainViewModel vm) {
        ShortcutTable.install(scene, shortcuts);
        Runnable style = () -> {
            Stylesheets.apply(scene, vm.presenterProperty().get(), vm.darkThemeProperty().get());
            presenter.apply(vm.presenterProperty().get());
        };
        vm.presenterProperty().addListener(x -> style.run());
        vm.darkThemeProperty().addListener(x -> style.run());
        // the stage is set after the scene: full screen needs it
        scene.windowProperty().addListener((o, a, w) -> { if (w != null) style.run(); });
        style.run();
    }

    /** "Presenter mode on / off    F11", from the shortcut table, so the menu cannot drift either. */
    private String menuText(KeyCode key) {
        Shortcut s = shortcuts.stream().filter(x -> x.keys().stream().anyMatch(k -> k instanceof KeyCodeCombination c && c.getCode() == key))
                .findFirst().orElseThrow();
        return s.description() + "    " + s.keysText();
    }

    @FXML private void lessonNext() { context.mainViewModel().lesson().next(); }

    @FXML private void lessonBack() { context.mainViewModel().lesson().back(); }

    @Override
    public void openData() {
        context.mainViewModel().screenProperty().set(MainViewModel.Screen.DATA);
        if (dataTab.getContent().lookup("#openButton") instanceof Button open) open.fire();
    }

    @Override
    public void startOrPause() {
        var training = context.trainingViewModel();
        if (training.stateProperty().get() == RunState.IDLE) {
            context.mainViewModel().screenProperty().set(MainViewModel.Screen.TRAINING);
            training.start();
        } else {
            training.pauseOrResume();
        }
    }

    @Override
    public void escape() {
        if (context.mainViewModel().helpShownProperty().get()) context.mainViewModel().helpShownProperty().set(false);
        else context.trainingViewModel().stop();
    }

    @Override
    public void show(MainViewModel.Screen screen) { context.mainViewModel().screenProperty().set(screen); }

    @Override
    public void togglePresenter() { flip(context.mainViewModel().presenterProperty()); }

    @Override
    public void toggleHelp() { flip(context.mainViewModel().helpShownProperty()); }

    @Override
    public void toggleDarkTheme() { flip(context.mainViewModel().darkThemeProperty()); }

    @Override
    public boolean lessonStep(int delta) {
        if (!context.mainViewModel().presenterProperty().get()) return false;
        var lesson = context.mainViewModel().lesson();
        lesson.go(lesson.indexProperty().get() + delta);
        return true;
    }

    private static void flip(javafx.beans.property.BooleanProperty p) { p.set(!p.get()); }

    /** The shortcut table the window installed (tests drive every entry). */
    public List<Shortcut> shortcuts() { return shortcuts; }

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
        context.samplerViewModel().shownProperty().bind(samplerTab.selectedProperty());
        context.augmentationViewModel().shownProperty().bind(augmentTab.selectedProperty());
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
