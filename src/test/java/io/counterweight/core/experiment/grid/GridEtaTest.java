package io.counterweight.core.experiment.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GridEtaTest {
    @Test
    void laterCellsCostTheMeanEpochTimeSoFar() {
        GridEta eta = new GridEta();
        assertEquals(12, eta.secondsLeft(12, 0)); // the last cell: its own ETA
        assertTrue(Double.isNaN(eta.secondsLeft(12, 5))); // nothing measured yet
        eta.epochDone(2);
        eta.epochDone(4);
        assertEquals(12 + 5 * 3.0, eta.secondsLeft(12, 5), 1e-12);
        assertTrue(Double.isNaN(eta.secondsLeft(Double.NaN, 5)));
    }
}
