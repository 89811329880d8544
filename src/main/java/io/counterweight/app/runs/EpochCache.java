package io.counterweight.app.runs;

import io.counterweight.app.common.BackgroundJob;
import io.counterweight.app.common.ErrorReporter;
import io.counterweight.app.common.TaskExecutor;
import io.counterweight.app.services.EpochView;
import io.counterweight.app.services.RunHistoryService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The epochs of one reopened run: each {@code confusion/epoch-NNN.csv} read once, off the FX thread, then
 * kept. A request for an epoch still being read waits for that read instead of starting another. A file
 * that cannot be read is remembered as its one-line problem, so it is not read again either. Touched on
 * the FX thread only (the executor calls back there).
 */
final class EpochCache {
    /** What became of a request: the epoch, or why it could not be read. */
    record Outcome(int epoch, EpochView view, String problem) { }

    private final RunHistoryService history;
    private final TaskExecutor executor;
    private final Path runDir;
    private final int[] trainCounts;
    private final Map<Integer, Outcome> done = new HashMap<>();
    private final Map<Integer, List<Consumer<Outcome>>> waiting = new HashMap<>();

    EpochCache(RunHistoryService history, TaskExecutor executor, Path runDir, int[] trainCounts) {
        this.history = history;
        this.executor = executor;
        this.runDir = runDir;
        this.trainCounts = trainCounts;
    }

    /** Keeps an epoch already known (the last one, read with the run). */
    void put(EpochView view) {
        done.put(view.epoch(), new Outcome(view.epoch(), view, null));
    }

    /** Hands {@code epoch} to {@code then}: at once when known, else after one background read. */
    void get(int epoch, Consumer<Outcome> then) {
        Outcome known = done.get(epoch);
        if (known != null) {
            then.accept(known);
            return;
        }
        List<Consumer<Outcome>> queue = waiting.get(epoch);
        if (queue != null) {
            queue.add(then);
            return;
        }
        queue = new ArrayList<>(List.of(then));
        waiting.put(epoch, queue);
        BackgroundJob.of("Reading epoch " + epoch, ctx -> history.epoch(runDir, epoch, trainCounts))
                .quiet()
                .onSuccess(v -> finish(new Outcome(epoch, v, null)))
                .onFailure(e -> finish(new Outcome(epoch, null, ErrorReporter.userMessage(e))))
                .onCancelled(() -> waiting.remove(epoch))
                .executeWith(executor);
    }

    private void finish(Outcome o) {
        done.put(o.epoch(), o);
        List<Consumer<Outcome>> queue = waiting.remove(o.epoch());
        if (queue != null) queue.forEach(c -> c.accept(o));
    }

    Path runDir() {
        return runDir;
    }
}
