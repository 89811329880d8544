package io.counterweight.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.experiment.EpochMetrics;
import io.counterweight.core.experiment.MetricsCsv;
import io.counterweight.core.experiment.RunStore;
import io.counterweight.core.metrics.ClassMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/** The CSV exports, written to disk and read back with Tablesaw, hold exactly the run folders' numbers. */
class ReportCsvTest {
    @TempDir static Path out;
    static List<Path> dirs;
    static List<ReportedRun> runs;

    @BeforeAll
    static void train() {
        dirs = ReportFixture.twoRuns(out.resolve("runs"));
        runs = ReportedRun.loadAll(dirs);
    }

    private static Table read(Path file) {
        return Table.read().usingOptions(CsvReadOptions.builder(file.toFile()).missingValueIndicator(""));
    }

    private static double d(Row r, String column) {
        return r.isMissing(column) ? Double.NaN : r.getNumber(column);
    }

    @Test
    void theMetricsTableReadsBackToEachRunsMetricsCsv() {
        List<Path> files = ReportCsv.writeAll(out.resolve("csv"), runs);
        Table t = read(files.get(0));
        assertEquals("run", t.columnNames().get(0));
        assertEquals(MetricsCsv.COLUMNS, t.columnNames().subList(1, t.columnCount()));
        int row = 0;
        for (int r = 0; r < dirs.size(); r++) {
            List<EpochMetrics> expected = MetricsCsv.read(dirs.get(r).resolve(RunStore.METRICS));
            assertEquals(2, expected.size());
            for (EpochMetrics e : expected) {
                Row got = t.row(row++);
                assertEquals(runs.get(r).name(), got.getString("run"));
                assertEquals(e.epoch(), (int) d(got, "epoch"));
                assertEquals(e.trainLoss(), d(got, "train_loss"));
                assertEquals(e.testLoss(), d(got, "test_loss"));
                assertEquals(e.accuracy(), d(got, "accuracy"));
                assertEquals(e.macroF1(), d(got, "macro_f1"));
                assertEquals(e.headAccuracy(), d(got, "head_accuracy"), 0.0, "NaN stays NaN (an empty cell)");
                assertEquals(e.seconds(), d(got, "seconds"));
            }
        }
        assertEquals(row, t.rowCount());
    }

    @Test
    void thePerClassTableHoldsTheLastEpochsReportAndTheTrainingCounts() {
        List<Path> files = ReportCsv.writeAll(out.resolve("csv2"), runs);
        Table t = read(files.get(1));
        assertEquals(ReportCsv.PER_CLASS_COLUMNS, t.columnNames());
        int row = 0;
        for (ReportedRun run : runs) {
            List<ClassMetrics> classes = run.result().report().perClass();
            for (int c = 0; c < classes.size(); c++) {
                Row got = t.row(row++);
                assertEquals(run.name(), got.getString("run"));
                assertEquals(classes.get(c).name(), got.getString("class"));
                assertEquals(List.of(20, 12, 8, 4).get(c), (int) d(got, "train_count"));
                assertEquals(classes.get(c).support(), (long) d(got, "test_support"));
                assertEquals(classes.get(c).precision(), d(got, "precision"));
                assertEquals(classes.get(c).recall(), d(got, "recall"));
                assertEquals(classes.get(c).f1(), d(got, "f1"));
            }
        }
        assertEquals(row, t.rowCount());
    }

    @Test
    void theOldRunFolderFormatExportsToo() throws IOException {
        ReportedRun legacy = ReportedRun.load(ReportFixture.legacyRun(out.resolve("legacy")));
        List<Path> files = ReportCsv.writeAll(out.resolve("csv-legacy"), List.of(legacy));
        Table metrics = read(files.get(0));
        assertEquals(1, metrics.rowCount());
        assertEquals(0.39791666666666664, d(metrics.row(0), "accuracy"));
        Table perClass = read(files.get(1));
        assertEquals(8, perClass.rowCount());
        assertEquals("diagonal cross", perClass.row(7).getString("class"));
        assertEquals(10, (int) d(perClass.row(7), "train_count"));
        assertEquals(0.375, d(perClass.row(0), "f1"), 1e-12, "as result.json of 0.1 says");
        try (var files2 = Files.list(out.resolve("csv-legacy"))) {
            assertTrue(files2.noneMatch(p -> p.toString().endsWith(".tmp")), "no temporary file left");
        }
    }
}
