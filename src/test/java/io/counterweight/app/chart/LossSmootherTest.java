package io.counterweight.app.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LossSmootherTest {
    @Test
    void firstValueIsNotPulledTowardsZero() {
        assertEquals(2.0, new LossSmoother(0.9).add(2.0), 1e-12);
    }

    @Test
    void constantInputStaysConstant() {
        LossSmoother s = new LossSmoother(0.9);
        for (int i = 0; i < 50; i++) assertEquals(1.5, s.add(1.5), 1e-12);
    }

    @Test
    void matchesTheBiasCorrectedAverageByHand() {
        LossSmoother s = new LossSmoother(0.5);
        s.add(4);
        // by hand: ema1 = 0.5·4 = 2, ema2 = 0.5·2 + 0.5·0 = 1, bias correction 1 − 0.5² = 0.75
        assertEquals(1 / 0.75, s.add(0), 1e-12);
    }

    @Test
    void zeroWeightIsNoSmoothingAndNaNPassesThrough() {
        LossSmoother s = new LossSmoother(0);
        assertEquals(3, s.add(3), 0);
        assertEquals(7, s.add(7), 0);
        assertTrue(Double.isNaN(s.add(Double.NaN)));
        assertEquals(5, s.add(5), 0);
    }
}
