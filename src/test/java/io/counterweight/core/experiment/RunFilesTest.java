package io.counterweight.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.metrics.ConfusionMatrix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** metrics.csv and confusion CSV files: exact round trips, NaN as empty cells, awkward class names. */
class RunFilesTest {
    @TempDir
    Path dir;

    @Test
    void metricsRoundTripExactlyWithNaNAsEmptyCells() throws Exception {
        List<EpochMetrics> rows = List.of(
                new EpochMetrics(1, 1.2345678901234, 1.1, 0.25, 0.2, 0.3, 0.4, Double.NaN, 0.125, 812.5, 3.25),
                new EpochMetrics(2, 0.9, 0.8, 0.5, 0.45, 0.55, 0.6, Double.NaN, 0.375, 1e-3, 2.0));
        Path file = dir.resolve("metrics.csv");
        MetricsCsv.write(file, rows);
        List<String> lines = Files.readAllLines(file);
        assertEquals(String.join(",", MetricsCsv.COLUMNS), lines.get(0));
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).contains(",0.4,,0.125,"), lines.get(1));
        assertEquals(rows, MetricsCsv.read(file));
    }

    @Test
    void confusionRoundTripKeepsNamesWithCommasAndQuotes() {
        ConfusionMatrix cm = ConfusionMatrix.of(new long[][] {{5, 1, 0}, {2, 7, 1}, {0, 0, 12}});
        List<String> names = List.of("cat", "aquarium fish, tropical", "say \"cheese\"");
        Path file = dir.resolve("epoch-001.csv");
        ConfusionCsv.write(file, cm, names);
        ConfusionCsv.Named back = ConfusionCsv.read(file);
        assertEquals(names, back.classNames());
        assertEquals(cm, back.matrix());
    }

    @Test
    void brokenFilesNameTheFile() throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "true\\predicted,a,b\na,1,x\nb,0,1\n");
        CounterweightException e = assertThrows(CounterweightException.class, () -> ConfusionCsv.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        Files.writeString(dir.resolve("m.csv"), "epoch,loss\n1,0.5\n");
        assertThrows(CounterweightException.class, () -> MetricsCsv.read(dir.resolve("m.csv")));
    }
}
