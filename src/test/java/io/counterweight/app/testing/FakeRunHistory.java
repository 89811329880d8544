package io.counterweight.app.testing;

import io.counterweight.app.services.EpochView;
import io.counterweight.app.services.ReopenedRun;
import io.counterweight.app.services.RunHistoryService;
import io.counterweight.core.CounterweightException;
import io.counterweight.core.Progress;
import io.counterweight.core.experiment.EpochMetrics;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.Provenance;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.experiment.RunStatus;
import io.counterweight.core.experiment.RunSummary;
import io.counterweight.core.metrics.ClassificationReport;
import io.counterweight.core.metrics.ConfusionMatrix;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingEvent;
import io.counterweight.core.train.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An in-memory run history for view-model tests: runs of three classes whose epoch e has the confusion
 * matrix {@link ScriptedTrainingService#matrix}(3, e), so each epoch's "file" has its own content. Counts
 * the reads and records every change asked of it.
 */
public final class FakeRunHistory implements RunHistoryService {
    public static final List<String> NAMES = List.of("a", "b", "c");
    public static final int[] TRAIN_COUNTS = {50, 20, 5};

    public final List<RunSummary> runs = new ArrayList<>();
    public final List<String> calls = new ArrayList<>();
    public int lists, epochReads;
    public Path workspace = Path.of("/ws").toAbsolutePath();
    /** What {@link #repeat} tells its notes listener before it trains. */
    public List<String> repeatNotes = List.of("the data set's content differs (fingerprint)");
    /** Runs inside {@link #repeat} after the notes were given, before training (e.g. to look at the screen). */
    public Runnable whileTraining = () -> { };

    public static RunSummary summary(String folder, RunStatus status, int done, int planned, String data, List<String> tags,
                                     String problem) {
        Path dir = Path.of("/ws", folder).toAbsolutePath();
        double acc = done == 0 ? Double.NaN : 0.5 + done / 100.0;
        return new RunSummary(dir, folder, "baseline", "mlp", data, "none", status, done, planned, acc, acc - 0.1, acc - 0.05,
                "2024-05-0" + Math.min(9, 1 + done) + "T10:00:00+02:00", 3.0 * done, tags, problem);
    }

    @Override public Path workspace() { return workspace; }

    @Override
    public void useWorkspace(Path dir) {
        calls.add("workspace " + dir);
        if (dir.toString().contains("read-only")) throw new CounterweightException("workspace " + dir + ": not writable");
        workspace = dir;
        runs.clear();
    }

    @Override
    public List<RunSummary> list() {
        lists++;
        return List.copyOf(runs);
    }

    @Override public boolean isRunFolder(Path dir) { return runs.stream().anyMatch(r -> r.runDir().equals(dir)); }

    @Override
    public ReopenedRun open(Path runDir) {
        RunSummary s = find(runDir);
        List<EpochMetrics> history = new ArrayList<>();
        for (int e = 1; e <= s.epochsDone(); e++) {
            ClassificationReport r = report(e);
            history.add(new EpochMetrics(e, 2.0 / e, 2.5 / e, r.accuracy(), r.macroF1(), r.balancedAccuracy(),
                    Double.NaN, Double.NaN, Double.NaN, 100, 1));
        }
        ExperimentConfig cfg = ExperimentConfig.fastDemo().toBuilder().model("mlp").epochs(s.epochs()).label(s.label()).build();
        int last = s.epochsDone();
        RunResult result = RunResult.of(runDir, cfg, s.status() != RunStatus.FINISHED, last == 0 ? null : report(last),
                last == 0 ? null : ScriptedTrainingService.matrix(3, last), history);
        Provenance p = new Provenance(42, new Provenance.DataOrigin(s.data(), "demo", "fp", "3x8x8", NAMES,
                List.of(50, 20, 5), List.of(4, 4, 4)), null, null, null, s.startTime(), null, "completed", null);
        return new ReopenedRun(result, p, null);
    }

    private static ClassificationReport report(int epoch) {
        return ClassificationReport.of(ScriptedTrainingService.matrix(3, epoch), NAMES, TRAIN_COUNTS);
    }

    @Override
    public EpochView epoch(Path runDir, int epoch, int[] trainCounts) {
        epochReads++;
        if (epoch > find(runDir).epochsDone()) throw new CounterweightException("confusion/epoch-00" + epoch + ".csv: missing");
        ConfusionMatrix m = ScriptedTrainingService.matrix(3, epoch);
        return new EpochView(epoch, NAMES, m, ClassificationReport.of(m, NAMES, trainCounts));
    }

    @Override
    public void rename(Path runDir, String name) {
        calls.add("rename " + runDir.getFileName() + " " + name);
        replace(runDir, s -> new RunSummary(s.runDir(), name == null ? s.runDir().getFileName().toString() : name, s.label(),
                s.model(), s.data(), s.remedies(), s.status(), s.epochsDone(), s.epochs(), s.accuracy(), s.macroF1(),
                s.balancedAccuracy(), s.startTime(), s.seconds(), s.tags(), s.problem()));
    }

    @Override
    public void setTags(Path runDir, List<String> tags) {
        calls.add("tags " + runDir.getFileName() + " " + tags);
        replace(runDir, s -> new RunSummary(s.runDir(), s.name(), s.label(), s.model(), s.data(), s.remedies(), s.status(),
                s.epochsDone(), s.epochs(), s.accuracy(), s.macroF1(), s.balancedAccuracy(), s.startTime(), s.seconds(), tags,
                s.problem()));
    }

    @Override
    public void delete(Path runDir) {
        calls.add("delete " + runDir.getFileName());
        if (find(runDir).status() == RunStatus.RUNNING) throw new CounterweightException(runDir + ": the run is training");
        runs.removeIf(r -> r.runDir().equals(runDir));
    }

    @Override
    public RunResult repeat(Path runDir, TrainingListener listener, TrainingControl control, Progress progress,
                            Consumer<List<String>> notes) {
        calls.add("repeat " + runDir.getFileName());
        RunSummary original = find(runDir);
        notes.accept(repeatNotes);
        whileTraining.run();
        listener.onEvent(new TrainingEvent.BatchDone(1, 1, 2, 1, 1.0, 100, 1));
        RunSummary copy = summary("20990101-000000-repeat", RunStatus.FINISHED, original.epochs(), original.epochs(),
                original.data(), List.of(), null);
        runs.add(0, copy);
        return RunResult.of(copy.runDir(), ExperimentConfig.fastDemo(), false, null, null, List.of());
    }

    @Override
    public RunResult resume(Path runDir, TrainingListener listener, TrainingControl control, Progress progress,
                            Consumer<List<String>> notes) {
        calls.add("resume " + runDir.getFileName());
        RunSummary s = find(runDir);
        if (s.status() != RunStatus.STOPPED && s.status() != RunStatus.INTERRUPTED) {
            throw new CounterweightException(runDir + ": the run finished all its epochs");
        }
        notes.accept(repeatNotes);
        whileTraining.run();
        listener.onEvent(new TrainingEvent.BatchDone(s.epochs(), 1, 2, 1, 1.0, 100, 1));
        replace(runDir, r -> summary(r.runDir().getFileName().toString(), RunStatus.FINISHED, r.epochs(), r.epochs(), r.data(),
                r.tags(), null));
        return RunResult.of(runDir, ExperimentConfig.fastDemo(), false, null, null, List.of());
    }

    private RunSummary find(Path runDir) {
        return runs.stream().filter(r -> r.runDir().equals(runDir)).findFirst()
                .orElseThrow(() -> new CounterweightException(runDir + ": not a Counterweight run folder"));
    }

    private void replace(Path runDir, java.util.function.UnaryOperator<RunSummary> f) {
        runs.replaceAll(r -> r.runDir().equals(runDir) ? f.apply(r) : r);
    }
}
