package io.counterweight.core.experiment.grid;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.experiment.ConfigJson;
import io.counterweight.core.experiment.ExperimentConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The cells of a grid, in the order they run: seed by seed (so a grid stopped early still has whole
 * tables for its first seeds), within a seed each imbalance ratio, within a ratio each remedy.
 * Seed i (0-based) of N is {@code base seed + i}: with the default seed 42 and three seeds, 42, 43, 44; the
 * first seed's cells are the runs {@code train --seed 42} would make. The seed chooses the network's
 * initial weights, the batch order and augmentation draws, and the long-tail subset kept at u < 1.
 *
 * @param name the grid's folder name under {@code <workspace>/grids/}; by default "grid-" and a hash of the cells,
 *             so the same command finds the same grid again (and skips the cells it finished)
 */
public record GridPlan(String name, List<GridCell> cells) {
    public static final int MAX_SEEDS = 1000;

    public GridPlan {
        cells = List.copyOf(cells);
    }

    /**
     * @param base        the config every cell starts from (data, recipe, base seed); its remedies are ignored
     * @param imbalances  ratios u; empty: the base config's own
     * @param name        null or blank: derived from the cells
     */
    public static GridPlan of(ExperimentConfig base, List<String> remedies, List<Double> imbalances, int seeds, String name) {
        List<RemedyRegistry.RemedySet> sets = RemedyRegistry.parseAll(remedies);
        if (seeds < 1 || seeds > MAX_SEEDS) throw new CounterweightException("--seeds must be in 1.." + MAX_SEEDS + ", got " + seeds);
        List<Double> ratios = imbalances == null || imbalances.isEmpty() ? List.of(base.data().imbalance()) : imbalances;
        for (int i = 0; i < ratios.size(); i++) {
            if (ratios.subList(0, i).contains(ratios.get(i))) {
                throw new CounterweightException("--imbalance: " + GridCell.ratio(ratios.get(i)) + " is given twice");
            }
        }
        List<GridCell> cells = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
            long seed = base.seed() + s;
            for (double u : ratios) {
                for (RemedyRegistry.RemedySet set : sets) {
                    ExperimentConfig cfg = set.apply(base).imbalance(u).seed(seed)
                            .label(GridCell.label(set.name(), u, seed)).build().validate().withAbsoluteDataPath();
                    cells.add(new GridCell(cells.size() + 1, set.name(), u, seed, cfg));
                }
            }
        }
        String chosen = name == null || name.isBlank() ? "grid-" + hash(cells) : checkName(name.strip());
        return new GridPlan(chosen, cells);
    }

    /** Cell {@code index} (1-based). */
    public GridCell cell(int index) {
        if (index < 1 || index > cells.size()) {
            throw new CounterweightException("--cell must be in 1.." + cells.size() + " (this grid's cells), got " + index);
        }
        return cells.get(index - 1);
    }

    private static String checkName(String name) {
        if (!name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) {
            throw new CounterweightException("--name: use letters, digits, '.', '_' and '-' only (it names a folder), got '" + name + "'");
        }
        return name;
    }

    /** The first 8 hex digits of SHA-256 over the cells' configs: equal plans, equal names, on any machine. */
    static String hash(List<GridCell> cells) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (GridCell c : cells) sha.update(ConfigJson.write(c.config()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
