package io.counterweight.app.services;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.Progress;
import io.counterweight.core.data.ImageSplit;
import io.counterweight.core.experiment.ConfigJson;
import io.counterweight.core.experiment.PredictionsCsv;
import io.counterweight.core.metrics.Predictions;
import io.counterweight.core.experiment.ConfusionCsv;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.ExperimentRunner;
import io.counterweight.core.experiment.Provenance;
import io.counterweight.core.experiment.RunCatalog;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.experiment.RunStore;
import io.counterweight.core.experiment.RunSummary;
import io.counterweight.core.experiment.Workspace;
import io.counterweight.core.metrics.ClassificationReport;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** {@link RunHistoryService} over core.experiment, in the window's {@link WorkspaceFolder}. */
public final class CoreRunHistoryService implements RunHistoryService {
    private final WorkspaceFolder folder;

    public CoreRunHistoryService(WorkspaceFolder folder) {
        this.folder = folder;
    }

    @Override
    public Path workspace() {
        return folder.get();
    }

    @Override
    public void useWorkspace(Path dir) {
        folder.set(new Workspace(dir).ensureWritable().dir());
    }

    @Override
    public List<RunSummary> list() {
        return RunCatalog.list(folder.get());
    }

    @Override
    public boolean isRunFolder(Path dir) {
        return dir != null && Files.isRegularFile(dir.resolve(RunStore.CONFIG));
    }

    @Override
    public ReopenedRun open(Path runDir) {
        Provenance provenance = null;
        String problem = null;
        try {
            provenance = RunStore.readProvenance(runDir);
        } catch (CounterweightException e) {
            problem = e.getMessage();
        }
        try {
            return new ReopenedRun(RunStore.open(runDir), provenance, problem);
        } catch (CounterweightException e) { // the config's problem first: it is why nothing can be shown
            String why = problem == null || e.getMessage().equals(problem) ? e.getMessage() : e.getMessage() + "; " + problem;
            return new ReopenedRun(null, provenance, why);
        }
    }

    @Override
    public EpochView epoch(Path runDir, int epoch, int[] trainCounts) {
        ConfusionCsv.Named named = ConfusionCsv.read(runDir.resolve(RunStore.CONFUSION_DIR).resolve(RunStore.confusionFile(epoch)));
        return new EpochView(epoch, named.classNames(), named.matrix(),
                ClassificationReport.of(named.matrix(), named.classNames(), trainCounts));
    }

    @Override
    public Predictions predictions(Path runDir, int epoch) {
        Path file = runDir.resolve(RunStore.PREDICTIONS_DIR).resolve(RunStore.confusionFile(epoch));
        if (!Files.isRegularFile(file)) {
            throw new CounterweightException(runDir.getFileName() + " has no per-image predictions for epoch " + epoch
                    + " (runs written before predictions were recorded cannot show a cell's images)");
        }
        return PredictionsCsv.read(file);
    }

    @Override
    public ImageSplit testImages(Path runDir, Progress progress) {
        ExperimentConfig config = ConfigJson.readConfig(runDir.resolve(RunStore.CONFIG));
        return ExperimentRunner.load(config, progress).test();
    }

    @Override
    public void rename(Path runDir, String name) {
        RunCatalog.rename(runDir, name);
    }

    @Override
    public void setTags(Path runDir, List<String> tags) {
        RunCatalog.setTags(runDir, tags);
    }

    @Override
    public void delete(Path runDir) {
        RunCatalog.delete(runDir);
    }

    @Override
    public RunResult repeat(Path runDir, TrainingListener listener, TrainingControl control, Progress progress,
                            Consumer<List<String>> notes) {
        ExperimentConfig config = ConfigJson.readConfig(runDir.resolve(RunStore.CONFIG));
        Path out = new Workspace(folder.get()).ensureWritable().dir();
        return ExperimentRunner.repeat(runDir, config, out, listener, control, progress,
                CoreTrainingService.windowTuning(), notes);
    }

    @Override
    public RunResult resume(Path runDir, TrainingListener listener, TrainingControl control, Progress progress,
                            Consumer<List<String>> notes) {
        return ExperimentRunner.resume(runDir, listener, control, progress, CoreTrainingService.windowTuning(), notes);
    }
}
