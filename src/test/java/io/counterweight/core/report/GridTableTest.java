package io.counterweight.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.experiment.RunStatus;
import io.counterweight.core.metrics.ClassMetrics;
import io.counterweight.core.metrics.ClassificationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/** The grid's aggregation against numbers computed by hand. */
class GridTableTest {
    @TempDir Path tmp;

    /** A report whose six metrics are derived from {@code acc} and {@code f1}, with two classes' recalls. */
    private static ClassificationReport report(double acc, double f1, double recall0, double recall1) {
        return new ClassificationReport(acc, f1, acc - 0.01, acc + 0.1, Double.NaN, acc - 0.2,
                List.of(new ClassMetrics("cat", 0.5, recall0, recall0 / 2, 10), new ClassMetrics("dog", 0.5, recall1, recall1 / 2, 10)));
    }

    private static GridRun run(String remedy, double u, long seed, RunStatus status, ClassificationReport r) {
        return new GridRun(remedy, u, seed, Path.of("/runs/" + remedy + "-" + u + "-" + seed), status, r);
    }

    private final List<GridRun> runs = List.of(
            run("sampler", 0.02, 1, RunStatus.FINISHED, report(0.9, 0.8, 0.5, 0.5)),
            run("sampler", 0.1, 3, RunStatus.STOPPED, report(0.1, 0.1, 0.1, 0.1)), // stopped: not in the means
            run("sampler", 0.1, 2, RunStatus.FINISHED, report(0.8, 0.6, 0.8, 0.6)),
            run("baseline", 0.1, 3, RunStatus.FINISHED, report(0.7, 0.47, 0.5, 0.5)),
            run("sampler", 0.1, 1, RunStatus.FINISHED, report(0.7, 0.5, 0.7, 0.5)),
            run("baseline", 0.1, 1, RunStatus.FINISHED, report(0.5, 0.40, 0.9, 0.1)),
            run("baseline", 0.1, 2, RunStatus.FINISHED, report(0.6, 0.42, 0.8, 0.3)));

    @Test
    void meanAndSampleStandardDeviationPerRemedyAndRatio() {
        Table s = GridTable.of(runs).summary();
        assertEquals(3, s.rowCount());
        Row baseline = s.row(0), sampler = s.row(1), single = s.row(2);
        assertEquals("baseline", baseline.getString("remedy"));
        assertEquals(3, baseline.getInt("n"));
        assertEquals(0.6, baseline.getDouble("accuracy_mean"), 1e-12);
        assertEquals(0.1, baseline.getDouble("accuracy_std"), 1e-12); // sqrt((0.01 + 0 + 0.01) / (3 - 1))
        assertEquals(0.43, baseline.getDouble("macro_f1_mean"), 1e-12);
        assertEquals(Math.sqrt(0.0013), baseline.getDouble("macro_f1_std"), 1e-12); // (0.0009 + 0.0001 + 0.0016) / 2
        assertEquals(0.7, baseline.getDouble("head_accuracy_mean"), 1e-12);
        assertEquals(0.4, baseline.getDouble("tail_accuracy_mean"), 1e-12);
        assertTrue(Double.isNaN(baseline.getDouble("medium_accuracy_mean"))); // no medium classes: empty, not 0

        assertEquals("sampler", sampler.getString("remedy"));
        assertEquals(0.1, sampler.getDouble("imbalance"));
        assertEquals(2, sampler.getInt("n")); // the stopped seed 3 does not count
        assertEquals(0.75, sampler.getDouble("accuracy_mean"), 1e-12);
        assertEquals(Math.sqrt(0.005), sampler.getDouble("accuracy_std"), 1e-12); // (0.0025 + 0.0025) / 1

        assertEquals(0.02, single.getDouble("imbalance")); // ratios from large to small
        assertEquals(1, single.getInt("n"));
        assertEquals(0.9, single.getDouble("accuracy_mean"), 1e-12);
        assertTrue(Double.isNaN(single.getDouble("accuracy_std"))); // n = 1: undefined, never 0
    }

    @Test
    void jsonHasTheContractsKeysWithNullForUndefined() {
        List<Map<String, Object>> rows = GridTable.jsonRows(GridTable.of(runs).summary());
        Map<String, Object> single = rows.get(2);
        for (String m : GridTable.METRICS) {
            assertTrue(single.containsKey(m + "_mean"), m);
            assertTrue(single.containsKey(m + "_std"), m);
        }
        assertEquals("sampler", single.get("remedy"));
        assertEquals(0.02, single.get("imbalance"));
        assertEquals(1, single.get("n"));
        assertNull(single.get("accuracy_std"));
    }

    @Test
    void perClassGainsPairSeedsWithTheBaseline() {
        Table g = GridTable.of(runs).gains();
        // sampler at 0.1 (seeds 1 and 2 finished) against the baseline's seeds 1 and 2; sampler at 0.02 has no baseline
        assertEquals(2, g.rowCount());
        Row cat = g.row(0), dog = g.row(1);
        assertEquals("cat", cat.getString("class"));
        assertEquals(2, cat.getInt("n"));
        assertEquals(0.85, cat.getDouble("baseline_recall"), 1e-12);
        assertEquals(0.75, cat.getDouble("recall"), 1e-12);
        assertEquals(-0.1, cat.getDouble("recall_gain"), 1e-12); // ((0.7 - 0.9) + (0.8 - 0.8)) / 2
        assertEquals(-0.05, cat.getDouble("f1_gain"), 1e-12);
        assertEquals(0.35, dog.getDouble("recall_gain"), 1e-12); // ((0.5 - 0.1) + (0.6 - 0.3)) / 2
    }

    @Test
    void textShowsMeanPlusMinusStdAndTheMeanAloneForOneSeed() {
        GridTable t = GridTable.of(runs);
        String text = t.toText();
        assertTrue(text.contains("60.0 ± 10.0"), text);
        assertTrue(text.contains("0.430 ± 0.036"), text);
        List<String> single = t.summaryText().get(2);
        assertEquals(List.of("sampler", "0.02", "1", "90.0", "0.800"), single.subList(0, 5));
    }

    @Test
    void exportWritesTablesChartsAndPage() throws Exception {
        List<Path> files = GridExport.write(tmp, "Grid test", GridTable.of(runs));
        for (Path f : files) assertTrue(Files.size(f) > 0, f.toString());
        assertEquals(List.of("summary.csv", "cells.csv", "class_gains.csv", "macro_f1.png", "balanced_accuracy.png", "grid.html"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        Table summary = Table.read().csv(tmp.resolve("summary.csv").toFile());
        assertEquals(0.6, summary.doubleColumn("accuracy_mean").get(0), 1e-12);
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new java.io.StringReader(
                        Files.readString(tmp.resolve("grid.html")).replace("<!DOCTYPE html>", ""))));
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(tmp.resolve("macro_f1.png").toFile());
        assertTrue(png.getWidth() > 500 && png.getHeight() > 300);
    }
}
