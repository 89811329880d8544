package io.counterweight.core.report;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.experiment.ConfigJson;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.experiment.RunStatus;
import io.counterweight.core.experiment.RunStore;
import io.counterweight.core.experiment.grid.GridCell;
import io.counterweight.core.experiment.grid.GridFolder;
import io.counterweight.core.metrics.ClassificationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One grid cell as the tables need it, read from its run folder: the last completed epoch's report
 * (null when none completed or there is no folder yet).
 *
 * @param status null when the cell has no run folder yet
 */
public record GridRun(String remedy, double imbalance, long seed, Path runDir, RunStatus status, ClassificationReport report) {

    /** Finished all its epochs: only these count in the means. */
    public boolean finished() {
        return status == RunStatus.FINISHED && report != null;
    }

    /** The cells of a grid as their run folders stand now. */
    public static List<GridRun> of(List<GridFolder.CellState> states) {
        List<GridRun> runs = new ArrayList<>();
        for (GridFolder.CellState s : states) {
            GridCell c = s.cell();
            runs.add(new GridRun(c.remedy(), c.imbalance(), c.seed(), s.runDir(), s.status(), s.runDir() == null ? null : report(s.runDir())));
        }
        return runs;
    }

    /** Collected from run folders anywhere under {@code dirs}, the grid's cells recognised by their labels. */
    public record Collected(List<GridRun> runs, int otherRuns, int setups) { }

    /**
     * Every grid cell's run folder found under {@code dirs} (at any depth), one per (remedy, u, seed) chosen
     * as a grid chooses it (the newest finished first). Folders whose label is not a grid cell's are counted
     * in {@code otherRuns}; {@code setups} counts the distinct data/recipe set-ups among the cells (more than
     * one: the means mix them).
     */
    public static Collected collect(List<Path> dirs) {
        if (dirs.isEmpty()) throw new CounterweightException("--collect: give at least one folder");
        Map<String, List<Path>> byCell = new LinkedHashMap<>();
        Map<String, GridCell> cells = new LinkedHashMap<>();
        List<ExperimentConfig> setups = new ArrayList<>();
        int other = 0;
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) throw new CounterweightException("--collect " + dir + ": no such folder");
            for (Path run : runFolders(dir)) {
                ExperimentConfig cfg;
                try {
                    cfg = ConfigJson.readConfig(run.resolve(RunStore.CONFIG));
                } catch (CounterweightException e) {
                    other++;
                    continue;
                }
                String remedy = GridCell.remedyOfLabel(cfg.label());
                if (remedy == null) {
                    other++;
                    continue;
                }
                String key = remedy + "|" + cfg.data().imbalance() + "|" + cfg.seed();
                cells.putIfAbsent(key, new GridCell(0, remedy, cfg.data().imbalance(), cfg.seed(), cfg));
                byCell.computeIfAbsent(key, k -> new ArrayList<>()).add(run.toAbsolutePath().normalize());
                ExperimentConfig setup = cfg.asBaseline().toBuilder().imbalance(1).seed(0).label("setup").build();
                if (!setups.contains(setup)) setups.add(setup);
            }
        }
        List<GridRun> runs = new ArrayList<>();
        for (Map.Entry<String, GridCell> e : cells.entrySet()) {
            GridFolder.CellState s = GridFolder.pick(e.getValue(), byCell.get(e.getKey()).stream().distinct().toList());
            GridCell c = e.getValue();
            runs.add(new GridRun(c.remedy(), c.imbalance(), c.seed(), s.runDir(), s.status(), report(s.runDir())));
        }
        return new Collected(runs, other, setups.size());
    }

    private static List<Path> runFolders(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName() != null && p.getFileName().toString().equals(RunStore.CONFIG))
                    .map(Path::getParent).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new CounterweightException("--collect " + dir + ": cannot list (" + e.getMessage() + ")", e);
        }
    }

    /** The run's last report, null when it has none (no epoch, or the folder is unreadable). */
    private static ClassificationReport report(Path runDir) {
        if (!Files.isRegularFile(runDir.resolve(RunStore.PROVENANCE))) return null;
        try {
            RunResult r = RunStore.open(runDir);
            return r.report();
        } catch (CounterweightException e) {
            return null;
        }
    }

    /** The status word of the cells table: finished, stopped, …, or pending (no run folder yet). */
    public String statusId() {
        return status == null ? "pending" : status.id();
    }
}
