package io.counterweight.app.runs;

import io.counterweight.app.services.ReopenedRun;
import io.counterweight.core.experiment.EpochMetrics;
import io.counterweight.core.experiment.Provenance;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.experiment.RunStatus;
import io.counterweight.core.experiment.RunSummary;
import java.nio.file.Path;
import java.util.List;

/**
 * The history line of a run folder outside the workspace (opened with {@code counterweight gui RUN_DIR}),
 * made from what reopening it read: the history lists only the workspace. Its status cannot tell a run
 * still training elsewhere from an interrupted one (the lock is not asked).
 */
final class OutsideRun {
    private OutsideRun() { }

    static RunSummary summarise(Path dir, ReopenedRun r) {
        RunResult result = r.result();
        Provenance p = r.provenance();
        String name = dir.getFileName().toString();
        RunStatus status = p == null ? RunStatus.FAILED : RunStatus.of(p.status(), false);
        if (result == null) {
            return new RunSummary(dir, name, "?", "?", "?", "?", status, 0, 0, Double.NaN, Double.NaN, Double.NaN,
                    p == null ? null : p.startTime(), 0, List.of(), r.problem());
        }
        List<EpochMetrics> h = result.history();
        EpochMetrics last = h.isEmpty() ? null : h.get(h.size() - 1);
        String data = p != null && p.data() != null && p.data().name() != null ? p.data().name() : result.config().data().path();
        return new RunSummary(dir, name, result.config().label(), result.config().recipe().model(), data,
                RunSummary.describeRemedies(result.config().remedies()), status, h.size(), result.config().recipe().epochs(),
                last == null ? Double.NaN : last.accuracy(), last == null ? Double.NaN : last.macroF1(),
                last == null ? Double.NaN : last.balancedAccuracy(), p == null ? null : p.startTime(),
                h.stream().mapToDouble(EpochMetrics::seconds).sum(), List.of(), r.problem());
    }
}
