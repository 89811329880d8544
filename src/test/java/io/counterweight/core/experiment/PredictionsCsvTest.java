package io.counterweight.core.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.metrics.Predictions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionsCsvTest {
    @TempDir Path tmp;

    private static final Predictions P = new Predictions(new int[] {0, 0, 1, 2, 0}, new int[] {0, 1, 1, 1, 1},
            new float[] {0.9f, 0.55f, 0.7f, 0.4f, 0.8f});

    @Test
    void roundTripsAndListsACellsImagesMostConfidentFirst() {
        Path file = tmp.resolve("predictions/epoch-001.csv");
        PredictionsCsv.write(file, P);
        assertEquals(P, PredictionsCsv.read(file));
        assertEquals(P.confusion(3).get(0, 1), 2);
        assertArrayEquals(new int[] {4, 1}, P.cell(0, 1), "true 0 predicted 1: image 4 (0.8) before image 1 (0.55)");
        assertEquals(P.confusion(3).get(0, 1), P.cell(0, 1).length, "the cell's count is its images' count");
        assertEquals(0, P.cell(2, 2).length);
    }

    @Test
    void aMalformedFileIsNamedWithItsLine() throws Exception {
        Path file = tmp.resolve("bad.csv");
        Files.writeString(file, PredictionsCsv.HEADER + "\n0,0,0,0.9\n1,0,zero,0.5\n");
        CounterweightException e = assertThrows(CounterweightException.class, () -> PredictionsCsv.read(file));
        assertTrue(e.getMessage().startsWith(file + ":3: not a predictions row"), e.getMessage());
        Files.writeString(file, "index,true\n");
        assertTrue(assertThrows(CounterweightException.class, () -> PredictionsCsv.read(file)).getMessage().contains("not a predictions file"));
        Files.writeString(file, PredictionsCsv.HEADER + "\n0,0,0,1.5\n");
        assertThrows(CounterweightException.class, () -> PredictionsCsv.read(file), "a probability above 1");
    }
}
