package io.counterweight.core.report;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.experiment.ConfigJson;
import io.counterweight.core.experiment.EpochMetrics;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.MetricsCsv;
import io.counterweight.core.experiment.Provenance;
import io.counterweight.core.experiment.RunCatalog;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.experiment.RunStore;
import io.counterweight.core.experiment.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One run folder as the exports need it: the one-line summary, the result (history, last report and
 * confusion; null report when no epoch completed) and the provenance (null when the run stopped before
 * writing it). A half-written run still loads, so a report can show what it has.
 *
 * @param name the name shown in legends, tables and CSVs; unique within one report
 */
public record ReportedRun(String name, RunSummary summary, RunResult result, Provenance provenance) {

    /** Reads a run folder; a path that is not one is a one-line error naming it. */
    public static ReportedRun load(Path dir) {
        if (!Files.isDirectory(dir)) throw new CounterweightException(dir + ": no such run folder");
        if (!Files.isRegularFile(dir.resolve(RunStore.CONFIG))) {
            throw new CounterweightException(dir + ": not a Counterweight run folder (no " + RunStore.CONFIG + ")");
        }
        RunSummary summary = RunCatalog.summarise(dir);
        if (Files.isRegularFile(dir.resolve(RunStore.PROVENANCE))) {
            return new ReportedRun(summary.name(), summary, RunStore.open(dir), RunStore.readProvenance(dir));
        }
        // stopped before training started: config (and perhaps metrics) only, nothing to recompute a report from
        ExperimentConfig cfg = ConfigJson.readConfig(dir.resolve(RunStore.CONFIG));
        Path metrics = dir.resolve(RunStore.METRICS);
        List<EpochMetrics> history = Files.isRegularFile(metrics) ? MetricsCsv.read(metrics) : List.of();
        return new ReportedRun(summary.name(), summary, RunResult.of(dir, cfg, true, null, null, history), null);
    }

    /** Loads each folder in order; runs of the same name get " (2)", " (3)", … so legends stay apart. */
    public static List<ReportedRun> loadAll(List<Path> dirs) {
        if (dirs.isEmpty()) throw new CounterweightException("RUN_DIR: give at least one run folder");
        List<ReportedRun> runs = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Path dir : dirs) {
            ReportedRun r = load(dir);
            int n = seen.merge(r.name(), 1, Integer::sum);
            runs.add(n == 1 ? r : new ReportedRun(r.name() + " (" + n + ")", r.summary(), r.result(), r.provenance()));
        }
        return runs;
    }

    public List<EpochMetrics> history() {
        return result.history();
    }

    /** The last completed epoch, or null. */
    public EpochMetrics lastEpoch() {
        List<EpochMetrics> h = history();
        return h.isEmpty() ? null : h.get(h.size() - 1);
    }

    /** Training images per class from the provenance (empty when unknown). */
    public List<Integer> trainCounts() {
        return provenance == null || provenance.data() == null ? List.of() : provenance.data().trainCounts();
    }
}
