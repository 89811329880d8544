package io.counterweight.app;

import io.counterweight.app.augment.AugmentationViewController;
import io.counterweight.app.augment.AugmentationViewModel;
import io.counterweight.app.chart.ChartSaveMenu;
import io.counterweight.app.common.ErrorReporter;
import io.counterweight.app.common.TaskExecutor;
import io.counterweight.app.common.UiScheduler;
import io.counterweight.app.compare.CompareViewController;
import io.counterweight.app.compare.CompareViewModel;
import io.counterweight.app.compare.NormalisedPreference;
import io.counterweight.app.data.DataViewController;
import io.counterweight.app.drill.DrillDown;
import io.counterweight.app.data.DataViewModel;
import io.counterweight.app.data.RecentFolders;
import io.counterweight.app.grid.GridViewController;
import io.counterweight.app.grid.GridViewModel;
import io.counterweight.app.runs.RunsViewController;
import io.counterweight.app.runs.RunsViewModel;
import io.counterweight.app.runs.WorkspacePreference;
import io.counterweight.app.sampler.SamplerViewController;
import io.counterweight.app.sampler.SamplerViewModel;
import io.counterweight.app.services.CoreGridService;
import io.counterweight.app.services.Services;
import io.counterweight.app.training.TrainingViewController;
import io.counterweight.app.training.TrainingViewModel;
import io.counterweight.app.training.WarmUp;
import io.counterweight.app.window.ThemePreference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Wires one window: the shared {@link Workbench}, a view model per screen, and the controller
 * factory FXML uses, so each controller gets its view model through its constructor.
 */
public final class AppContext {
    private final TaskExecutor executor;
    private final Workbench workbench;
    private final MainViewModel main;
    private final DataViewModel data;
    private final SamplerViewModel sampler;
    private final AugmentationViewModel augmentation;
    private final TrainingViewModel training;
    private final WarmUp warmUp;
    private final CompareViewModel compare;
    private final RunsViewModel runs;
    private final GridViewModel grid;
    private final ChartSaveMenu charts;
    private final DrillDown drill;
    private MainViewController mainController;

    public AppContext(Services services, TaskExecutor executor, UiScheduler scheduler, ErrorReporter errors, RecentFolders recent,
                      WorkspacePreference workspace) {
        this(services, executor, scheduler, errors, recent, workspace, ThemePreference.inMemory());
    }

    /** @param theme where the dark theme choice is remembered */
    public AppContext(Services services, TaskExecutor executor, UiScheduler scheduler, ErrorReporter errors, RecentFolders recent,
                      WorkspacePreference workspace, ThemePreference theme) {
        this.executor = executor;
        this.workbench = new Workbench(services);
        this.main = new MainViewModel(workbench);
        main.darkThemeProperty().set(theme.dark());
        main.darkThemeProperty().addListener((o, a, dark) -> theme.setDark(dark));
        this.data = new DataViewModel(workbench, executor, recent, errors);
        this.sampler = new SamplerViewModel(workbench);
        this.augmentation = new AugmentationViewModel(workbench, executor);
        this.training = new TrainingViewModel(workbench, executor, scheduler, errors);
        this.warmUp = new WarmUp(workbench, executor);
        this.compare = new CompareViewModel(workbench, executor, errors, new NormalisedPreference(workspace.node()));
        this.runs = new RunsViewModel(workbench, executor, scheduler, errors, workspace);
        this.grid = new GridViewModel(workbench, new CoreGridService(services.runs()::workspace), executor, scheduler, errors);
        this.charts = new ChartSaveMenu(executor);
        this.drill = new DrillDown(executor, errors, services.augment(), javafx.application.Platform::runLater);
    }

    /**
     * Opens what the window was started with ({@code counterweight gui PATH}): a run folder (one with a
     * config.json) reopened on the Runs tab, anything else as a data set on the Data tab. Without a path,
     * the built-in demo set.
     */
    public void openFromOutside(String path) {
        if (path == null || path.isBlank()) {
            data.loadDemo();
            return;
        }
        Path p = Path.of(path).toAbsolutePath().normalize();
        var history = workbench.services().runs();
        io.counterweight.app.common.BackgroundJob.of("Opening " + p.getFileName(), ctx -> history.isRunFolder(p))
                .onSuccess(isRun -> {
                    if (isRun) {
                        data.loadDemo();
                        main.screenProperty().set(MainViewModel.Screen.RUNS);
                        runs.reopenFolder(p);
                    } else {
                        main.screenProperty().set(MainViewModel.Screen.DATA);
                        data.open(p);
                    }
                })
                .executeWith(executor);
    }

    /** Loads {@code /fxml/<name>.fxml} with this context's controllers. */
    public Parent load(String name) {
        URL url = AppContext.class.getResource("/fxml/" + name + ".fxml");
        if (url == null) throw new IllegalStateException("missing view /fxml/" + name + ".fxml");
        FXMLLoader loader = new FXMLLoader(url);
        loader.setControllerFactory(this::controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load view " + name, e);
        }
    }

    private Object controller(Class<?> type) {
        if (type == MainViewController.class) return mainController = new MainViewController(this);
        if (type == DataViewController.class) return new DataViewController(data, charts);
        if (type == SamplerViewController.class) return new SamplerViewController(sampler, charts);
        if (type == AugmentationViewController.class) return new AugmentationViewController(augmentation);
        if (type == TrainingViewController.class) return new TrainingViewController(training, charts, drill);
        if (type == io.counterweight.app.training.RemediesViewController.class) {
            return new io.counterweight.app.training.RemediesViewController(training.remedies());
        }
        if (type == CompareViewController.class) return new CompareViewController(compare, charts, drill);
        if (type == RunsViewController.class) return new RunsViewController(runs, charts, drill);
        if (type == GridViewController.class) return new GridViewController(grid);
        throw new IllegalArgumentException("no controller registered for " + type.getName());
    }

    /** Stops training and background work (window closed). */
    public void shutdown() {
        warmUp.cancel();
        training.shutdown();
        compare.stop();
        runs.shutdown();
        drill.shutdown();
        grid.shutdown();
        executor.shutdown();
    }

    public TaskExecutor executor() { return executor; }
    public Workbench workbench() { return workbench; }
    public MainViewModel mainViewModel() { return main; }
    public DataViewModel dataViewModel() { return data; }
    public SamplerViewModel samplerViewModel() { return sampler; }
    public AugmentationViewModel augmentationViewModel() { return augmentation; }
    public TrainingViewModel trainingViewModel() { return training; }

    /** The JIT warm-up before the first run; the app starts it, tests may. */
    public WarmUp warmUp() { return warmUp; }
    public CompareViewModel compareViewModel() { return compare; }
    public RunsViewModel runsViewModel() { return runs; }
    public DrillDown drillDown() { return drill; }
    /** The main view's controller once "MainView" is loaded (its shortcut table), else null. */
    public MainViewController mainController() { return mainController; }
    public GridViewModel gridViewModel() { return grid; }
}
