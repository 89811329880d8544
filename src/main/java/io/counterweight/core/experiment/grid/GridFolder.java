package io.counterweight.core.experiment.grid;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.experiment.ConfigJson;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.RunCatalog;
import io.counterweight.core.experiment.RunStatus;
import io.counterweight.core.experiment.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A grid's folder, {@code <workspace>/grids/<name>/}, with {@code grid.json}: the plan (every cell's
 * config) and, as last seen, each cell's run folder and status. The run folders themselves stay in the
 * workspace like any run, so the run history shows them; which folder holds a cell is found by its config
 * (the folder's {@code config.json} equals the cell's), so cells that ran in another process or on
 * another machine with the same shared workspace are found too.
 */
public record GridFolder(Path workspace, Path dir) {
    public static final String GRIDS = "grids";
    public static final String INDEX = "grid.json";

    /** Where a cell stands: its run folder (null: none yet) and that run's status. */
    public record CellState(GridCell cell, Path runDir, RunStatus status) {
        /** Finished, or diverged (running it again would diverge again): either way an outcome. */
        public boolean done() {
            return status == RunStatus.FINISHED || status == RunStatus.DIVERGED;
        }

        /** A stopped, interrupted or failed run that can continue from its checkpoint. */
        public boolean resumable() {
            return runDir != null && !done() && status != RunStatus.RUNNING && RunStore.checkpointEpoch(runDir) > 0;
        }
    }

    /** grid.json: the plan and the cells' folders as last seen. */
    public record Index(String name, String workspace, List<Entry> cells) { }

    public record Entry(int index, String remedy, double imbalance, long seed, String label, String runDir, String status,
                        ExperimentConfig config) { }

    public static GridFolder of(Path workspace, String name) {
        Path ws = workspace.toAbsolutePath().normalize();
        return new GridFolder(ws, ws.resolve(GRIDS).resolve(name));
    }

    /** An existing grid folder (its grid.json names the workspace its runs went to). */
    public static GridFolder open(Path gridDir) {
        Index index = readIndex(gridDir);
        return new GridFolder(Path.of(index.workspace()), gridDir.toAbsolutePath().normalize());
    }

    /** The plan in an existing grid folder. */
    public static GridPlan readPlan(Path gridDir) {
        Index index = readIndex(gridDir);
        List<GridCell> cells = index.cells().stream()
                .map(e -> new GridCell(e.index(), e.remedy(), e.imbalance(), e.seed(), e.config())).toList();
        return new GridPlan(index.name(), cells);
    }

    private static Index readIndex(Path gridDir) {
        Path file = gridDir.resolve(INDEX);
        if (!Files.isRegularFile(file)) throw new CounterweightException(gridDir + ": not a grid folder (no " + INDEX + ")");
        try {
            Index index = ConfigJson.mapper().readValue(file.toFile(), Index.class);
            if (index.cells() == null || index.workspace() == null) throw new CounterweightException(file + ": no cells or workspace");
            return index;
        } catch (IOException e) {
            throw new CounterweightException(file + ": not readable (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    /**
     * Makes the folder and writes the plan, or checks that the folder's plan is this one.
     *
     * @throws CounterweightException when a grid of this name holds other cells
     */
    public void create(GridPlan plan) {
        if (Files.isRegularFile(dir.resolve(INDEX))) {
            List<ExperimentConfig> theirs = readPlan(dir).cells().stream().map(GridCell::config).toList();
            List<ExperimentConfig> ours = plan.cells().stream().map(GridCell::config).toList();
            if (!theirs.equals(ours)) {
                throw new CounterweightException("grid " + dir + " exists with other cells; choose another --name (or resume it: --resume "
                        + dir + ")");
            }
            return;
        }
        writeIndex(plan, plan.cells().stream().map(c -> new CellState(c, null, null)).toList());
    }

    /** Rewrites grid.json with each cell's run folder and status. */
    public void writeIndex(GridPlan plan, List<CellState> states) {
        List<Entry> entries = new ArrayList<>();
        for (CellState s : states) {
            GridCell c = s.cell();
            entries.add(new Entry(c.index(), c.remedy(), c.imbalance(), c.seed(), c.label(),
                    s.runDir() == null ? null : s.runDir().toString(), s.status() == null ? "pending" : s.status().id(), c.config()));
        }
        Path file = dir.resolve(INDEX);
        // a temporary file of this process's own: array tasks of one grid may write at the same moment
        Path tmp = dir.resolve(INDEX + "." + ProcessHandle.current().pid() + "." + Thread.currentThread().getId() + ".tmp");
        try {
            Files.createDirectories(dir);
            Files.writeString(tmp, ConfigJson.write(new Index(plan.name(), workspace.toString(), entries)) + System.lineSeparator());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the write failed already; that is the error to report
            }
            throw new CounterweightException(dir.resolve(INDEX) + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    /** Each cell's run folder in the workspace as it is now (see {@link #pick}). */
    public List<CellState> states(GridPlan plan) {
        Map<ExperimentConfig, List<Path>> byConfig = new HashMap<>();
        for (Path run : RunStore.list(workspace)) {
            try {
                byConfig.computeIfAbsent(ConfigJson.readConfig(run.resolve(RunStore.CONFIG)), k -> new ArrayList<>()).add(run);
            } catch (CounterweightException unreadable) {
                // not a cell of this grid, whatever it is
            }
        }
        List<CellState> states = new ArrayList<>();
        for (GridCell c : plan.cells()) states.add(pick(c, byConfig.getOrDefault(c.config(), List.of())));
        return states;
    }

    /** Of a cell's run folders: the newest finished, else one running, else the newest diverged, else the newest other. */
    public static CellState pick(GridCell cell, List<Path> runs) {
        List<CellState> states = runs.stream().sorted(Comparator.reverseOrder())
                .map(r -> new CellState(cell, r, RunCatalog.summarise(r).status())).toList();
        for (RunStatus wanted : List.of(RunStatus.FINISHED, RunStatus.RUNNING, RunStatus.DIVERGED)) {
            for (CellState s : states) if (s.status() == wanted) return s;
        }
        return states.isEmpty() ? new CellState(cell, null, null) : states.get(0);
    }
}
