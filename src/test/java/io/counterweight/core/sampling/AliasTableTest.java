package io.counterweight.core.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AliasTableTest {

    @Test
    void drawsEachOutcomeInProportionToItsMass() {
        double[] mass = {1, 2, 3, 4, 0, 10, 0.5};
        double total = 20.5;
        int n = 400_000;
        int[] hits = new int[mass.length];
        AliasTable table = new AliasTable(mass);
        SplittableRandom rng = new SplittableRandom(99);
        for (int d = 0; d < n; d++) hits[table.sample(rng)]++;
        assertEquals(0, hits[4], "zero mass is never drawn");
        for (int i = 0; i < mass.length; i++) {
            double p = mass[i] / total;
            // Binomial(n, p): accept within 5 standard deviations (false alarm ≈ 6e-7 per outcome).
            double bound = 5 * Math.sqrt(n * p * (1 - p));
            assertTrue(Math.abs(hits[i] - n * p) <= bound, "outcome " + i + ": " + Arrays.toString(hits));
        }
    }

    @Test
    void aSingleOutcomeWithMassIsAlwaysDrawn() {
        AliasTable table = new AliasTable(new double[] {0, 0, 3e-300, 0});
        SplittableRandom rng = new SplittableRandom(1);
        for (int d = 0; d < 1000; d++) assertEquals(2, table.sample(rng));
    }
}
