package io.counterweight.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The learning rate of each epoch under each schedule, against values worked out by hand. */
class LearningRateScheduleTest {

    private static double[] rates(LearningRateSchedule s) {
        double[] r = new double[s.epochs()];
        for (int e = 1; e <= s.epochs(); e++) r[e - 1] = s.rateAt(e);
        return r;
    }

    @Test
    void constantIsTheBaseRateEveryEpoch() {
        LearningRateSchedule s = LearningRateSchedule.constant(0.1, 3);
        assertTrue(s.isConstant());
        assertArrayEquals(new double[] {0.1, 0.1, 0.1}, rates(s), 1e-12);
    }

    @Test
    void warmUpRisesLinearlyToTheBaseRate() {
        LearningRateSchedule s = new LearningRateSchedule(0.1, 6, 4, LrDecay.NONE, 1, 1);
        assertFalse(s.isConstant());
        assertArrayEquals(new double[] {0.025, 0.05, 0.075, 0.1, 0.1, 0.1}, rates(s), 1e-12);
    }

    @Test
    void stepDecayMultipliesByGammaEverySEpochs() {
        LearningRateSchedule s = new LearningRateSchedule(0.1, 7, 0, LrDecay.STEP, 3, 0.5);
        assertArrayEquals(new double[] {0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025}, rates(s), 1e-12);
        assertTrue(new LearningRateSchedule(0.1, 3, 0, LrDecay.STEP, 3, 0.5).isConstant(), "no step falls inside the run");
    }

    @Test
    void cosineFallsFromTheBaseRateTowardsZero() {
        LearningRateSchedule s = new LearningRateSchedule(0.1, 4, 0, LrDecay.COSINE, 1, 1);
        // t = 0, 1/4, 2/4, 3/4: ½(1 + cos πt)
        double c = Math.cos(Math.PI / 4);
        assertArrayEquals(new double[] {0.1, 0.05 * (1 + c), 0.05, 0.05 * (1 - c)}, rates(s), 1e-12);
    }

    @Test
    void warmUpThenCosineOverTheRemainingEpochs() {
        LearningRateSchedule s = new LearningRateSchedule(0.2, 6, 2, LrDecay.COSINE, 1, 1);
        double c = Math.cos(Math.PI / 4);
        // warm-up 0.1, 0.2; then cosine over 4 epochs from t = 0
        assertArrayEquals(new double[] {0.1, 0.2, 0.2, 0.1 * (1 + c), 0.1, 0.1 * (1 - c)}, rates(s), 1e-12);
    }

    @Test
    void warmUpThenStep() {
        LearningRateSchedule s = new LearningRateSchedule(0.2, 5, 2, LrDecay.STEP, 2, 0.1);
        assertArrayEquals(new double[] {0.1, 0.2, 0.02, 0.02, 0.002}, rates(s), 1e-12);
    }
}
