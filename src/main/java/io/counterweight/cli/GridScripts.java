package io.counterweight.cli;

import io.counterweight.core.experiment.grid.GridCell;
import io.counterweight.core.experiment.grid.GridFolder;
import io.counterweight.core.experiment.grid.GridPlan;
import java.util.List;

/**
 * What {@code grid --emit} prints. Each cell's command is {@code counterweight grid --resume GRID_DIR --cell I
 * --workspace WS}: it reads the cell's exact config from the grid folder's grid.json (written now), so a
 * node runs exactly the planned cell whatever its working directory, and writes its run folder into the
 * shared workspace.
 */
final class GridScripts {
    private GridScripts() { }

    /** The arguments of cell {@code index}'s command after the launcher. */
    static List<String> cellArgs(GridFolder folder, String index) {
        return List.of("grid", "--resume", folder.dir().toString(), "--cell", index, "--workspace", folder.workspace().toString());
    }

    /** One line per cell, each with its label as a comment: for GNU parallel, xargs or any scheduler. */
    static String commands(String launcher, GridPlan plan, GridFolder folder) {
        StringBuilder sb = new StringBuilder();
        for (GridCell c : plan.cells()) {
            sb.append(line(launcher, cellArgs(folder, String.valueOf(c.index())))).append("  # ").append(c.label()).append('\n');
        }
        return sb.toString();
    }

    /** A Slurm job array, one task per cell; its logs go to the grid folder. */
    static String slurm(String launcher, GridPlan plan, GridFolder folder) {
        String dir = folder.dir().toString();
        StringBuilder sb = new StringBuilder();
        sb.append("#!/bin/bash\n");
        sb.append("#SBATCH --job-name=").append(plan.name()).append('\n');
        sb.append("#SBATCH --array=1-").append(plan.cells().size()).append('\n');
        sb.append("#SBATCH --cpus-per-task=2\n");
        sb.append("#SBATCH --output=").append(dir).append("/slurm-%A_%a.out\n");
        sb.append("# Counterweight grid ").append(plan.name()).append(": ").append(plan.cells().size())
                .append(" cells, one array task each. Cell labels by task id:\n");
        for (GridCell c : plan.cells()) sb.append("#   ").append(c.index()).append(": ").append(c.label()).append('\n');
        sb.append("# Afterwards: ").append(launcher).append(" grid --resume ").append(quote(dir)).append("  (tables and charts)\n");
        sb.append("set -euo pipefail\n");
        sb.append("COUNTERWEIGHT=\"${COUNTERWEIGHT:-").append(launcher.replace("\"", "\\\"").replace("$", "\\$")).append("}\"\n");
        List<String> args = cellArgs(folder, "CELL");
        StringBuilder cmd = new StringBuilder("\"$COUNTERWEIGHT\"");
        for (String a : args) cmd.append(' ').append(a.equals("CELL") ? "\"$SLURM_ARRAY_TASK_ID\"" : quote(a));
        sb.append(cmd).append('\n');
        return sb.toString();
    }

    static String line(String launcher, List<String> args) {
        StringBuilder sb = new StringBuilder(quote(launcher));
        for (String a : args) sb.append(' ').append(quote(a));
        return sb.toString();
    }

    /** A word for a POSIX shell: as is when safe, else in single quotes. */
    static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_@%+=:,./-]+")) return word;
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
