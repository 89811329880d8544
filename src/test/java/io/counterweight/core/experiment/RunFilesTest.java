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

    @Test
    void metricsErrorsKeepTheirCauseInOneLine() throws Exception {
        Path missingFolder = dir.resolve("no-such-folder").resolve("metrics.csv");
        CounterweightException write = assertThrows(CounterweightException.class,
                () -> MetricsCsv.write(missingFolder, List.of()));
        assertOneLineNamingWithCause(write, missingFolder);

        Path bad = dir.resolve("metrics.csv");
        Files.writeString(bad, String.join(",", MetricsCsv.COLUMNS) + "\nnot-an-epoch,1,1,1,1,1,1,1,1,1,1\n");
        CounterweightException read = assertThrows(CounterweightException.class, () -> MetricsCsv.read(bad));
        assertOneLineNamingWithCause(read, bad);
    }

    @Test
    void confusionIsWrittenThroughATemporaryFileAndReplacesTheOldOne() throws Exception {
        Path file = dir.resolve("epoch-001.csv");
        Files.writeString(file, "an older, longer file that must be replaced as a whole\n".repeat(10));
        ConfusionMatrix cm = ConfusionMatrix.of(new long[][] {{3, 1}, {0, 4}});
        ConfusionCsv.write(file, cm, List.of("a", "b"));
        assertEquals(List.of("true\\predicted,a,b", "a,3,1", "b,0,4"), Files.readAllLines(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
        Path missingFolder = dir.resolve("no-such-folder").resolve("epoch-001.csv");
        CounterweightException e = assertThrows(CounterweightException.class, () -> ConfusionCsv.write(missingFolder, cm, List.of("a", "b")));
        assertOneLineNamingWithCause(e, missingFolder);
    }

    @Test
    void malformedConfusionFilesNameTheFileAndLine() throws Exception {
        assertMalformed("true\\predicted,a,b\na,1,2\nb,3\n", ":3: ", "ragged row");
        assertMalformed("true\\predicted,a,b\na,1,2,7\nb,3,4\n", ":2: ", "ragged row, too long");
        assertMalformed("true\\predicted,a,b\na,1,x\nb,0,1\n", ":2: ", "'x'");
        assertMalformed("true\\predicted,a,b\na,1,2\nb,-3,4\n", ":3: ", "negative");
        assertMalformed("true\\predicted,a,b\na,1,2.5\nb,3,4\n", ":2: ", "'2.5'");
        assertMalformed("true\\predicted,a,b,c\na,1,2,3\nb,3,4,5\n", "3 classes", "header/size mismatch");
        assertMalformed("true\\predicted,a,b\na,1,2\nb,3,4\nc,5,6\n", ":4: ", "a row too many");
        assertMalformed("true\\predicted,a,b\nb,1,2\na,3,4\n", ":2: ", "rows out of the header's order");
        assertMalformed("true\\predicted,\"a,b\na,1\n", ":1: ", "unterminated quote");
        assertMalformed("", "empty", "empty file");
        assertMalformed("true\\predicted\n", "no class", "header without classes");
    }

    private void assertMalformed(String content, String expectedPart, String what) throws Exception {
        Path file = dir.resolve("epoch-009.csv");
        Files.writeString(file, content);
        CounterweightException e = assertThrows(CounterweightException.class, () -> ConfusionCsv.read(file), what);
        assertTrue(e.getMessage().startsWith(file.toString()), what + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(expectedPart), what + ": " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), what + ": " + e.getMessage());
    }

    private static void assertOneLineNamingWithCause(CounterweightException e, Path file) {
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getCause() != null, "the cause is kept: " + e.getMessage());
    }
}
