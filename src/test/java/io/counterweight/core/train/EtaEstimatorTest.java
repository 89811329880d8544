package io.counterweight.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The time left, on a manual clock: 100 images a second, 1,000 images an epoch, 3 epochs. */
class EtaEstimatorTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void timeLeftIsImagesLeftOverTheRecentSpeedPlusTheEvaluationsToCome() {
        EtaEstimator eta = new EtaEstimator(3, 1_000);
        eta.restart(0);
        assertTrue(Double.isNaN(eta.secondsLeft(1, 0)), "no speed before the first step");
        for (int step = 1; step <= 5; step++) eta.stepDone(step * SECOND, 100);
        assertEquals(100, eta.imagesPerSecond(), 1e-9);
        // epoch 1, 500 seen: 500 + 2 * 1,000 images at 100/s, no evaluation measured yet
        assertEquals(25, eta.secondsLeft(1, 500), 1e-9);
        eta.evaluationTook(4);
        // three evaluations still to come (after epochs 1, 2, 3)
        assertEquals(25 + 3 * 4, eta.secondsLeft(1, 500), 1e-9);
        assertEquals(0 + 4, eta.secondsLeft(3, 1_000), 1e-9);
    }

    @Test
    void aPauseIsNotTrainingTime() {
        EtaEstimator eta = new EtaEstimator(1, 1_000);
        eta.restart(0);
        eta.stepDone(SECOND, 100);
        eta.stepDone(2 * SECOND, 100);
        eta.restart(60 * SECOND); // resumed after a minute's pause
        eta.stepDone(61 * SECOND, 100);
        eta.stepDone(62 * SECOND, 100);
        assertEquals(100, eta.imagesPerSecond(), 1e-9);
    }
}
