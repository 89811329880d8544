package io.counterweight.app;

import io.counterweight.app.augment.AugmentationViewController;
import io.counterweight.app.augment.AugmentationViewModel;
import io.counterweight.app.common.ErrorReporter;
import io.counterweight.app.common.TaskExecutor;
import io.counterweight.app.common.UiScheduler;
import io.counterweight.app.compare.CompareViewController;
import io.counterweight.app.compare.CompareViewModel;
import io.counterweight.app.data.DataViewController;
import io.counterweight.app.data.DataViewModel;
import io.counterweight.app.data.RecentFolders;
import io.counterweight.app.sampler.SamplerViewController;
import io.counterweight.app.sampler.SamplerViewModel;
import io.counterweight.app.services.Services;
import io.counterweight.app.training.TrainingViewController;
import io.counterweight.app.training.TrainingViewModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
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
    private final CompareViewModel compare;

    public AppContext(Services services, TaskExecutor executor, UiScheduler scheduler, ErrorReporter errors, RecentFolders recent) {
        this.executor = executor;
        this.workbench = new Workbench(services);
        this.main = new MainViewModel(workbench);
        this.data = new DataViewModel(workbench, executor, recent, errors);
        this.sampler = new SamplerViewModel(workbench);
        this.augmentation = new AugmentationViewModel(workbench, executor);
        this.training = new TrainingViewModel(workbench, executor, scheduler, errors);
        this.compare = new CompareViewModel(workbench, executor, errors);
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
        if (type == MainViewController.class) return new MainViewController(this);
        if (type == DataViewController.class) return new DataViewController(data);
        if (type == SamplerViewController.class) return new SamplerViewController(sampler);
        if (type == AugmentationViewController.class) return new AugmentationViewController(augmentation);
        if (type == TrainingViewController.class) return new TrainingViewController(training);
        if (type == CompareViewController.class) return new CompareViewController(compare);
        throw new IllegalArgumentException("no controller registered for " + type.getName());
    }

    /** Stops training and background work (window closed). */
    public void shutdown() {
        training.shutdown();
        compare.stop();
        executor.shutdown();
    }

    public TaskExecutor executor() { return executor; }
    public Workbench workbench() { return workbench; }
    public MainViewModel mainViewModel() { return main; }
    public DataViewModel dataViewModel() { return data; }
    public SamplerViewModel samplerViewModel() { return sampler; }
    public AugmentationViewModel augmentationViewModel() { return augmentation; }
    public TrainingViewModel trainingViewModel() { return training; }
    public CompareViewModel compareViewModel() { return compare; }
}
