package io.counterweight.app.services;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.Progress;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.experiment.RunSummary;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingListener;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** A run history with no workspace: lists nothing, refuses every change (services built for one screen's tests). */
enum NoRunHistory implements RunHistoryService {
    INSTANCE;

    private static CounterweightException none() {
        return new CounterweightException("no run history in this window");
    }

    @Override public Path workspace() { return null; }
    @Override public void useWorkspace(Path dir) { throw none(); }
    @Override public List<RunSummary> list() { return List.of(); }
    @Override public boolean isRunFolder(Path dir) { return false; }
    @Override public ReopenedRun open(Path runDir) { return new ReopenedRun(null, null, "no run history in this window"); }
    @Override public EpochView epoch(Path runDir, int epoch, int[] trainCounts) { throw none(); }
    @Override public void rename(Path runDir, String name) { throw none(); }
    @Override public void setTags(Path runDir, List<String> tags) { throw none(); }
    @Override public void delete(Path runDir) { throw none(); }
    @Override
    public RunResult repeat(Path runDir, TrainingListener l, TrainingControl c, Progress p, Consumer<List<String>> notes) {
        throw none();
    }
    @Override
    public RunResult resume(Path runDir, TrainingListener l, TrainingControl c, Progress p, Consumer<List<String>> notes) {
        throw none();
    }
}
