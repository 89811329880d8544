package io.counterweight.core.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.CounterweightException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeightedRandomSamplerTest {
    private static final int DRAWS = 300_000;

    /** 1000 : 100 : 10 images (100:10:1), classes interleaved so position says nothing about class. */
    private static int[] imbalancedLabels() {
        int[] labels = new int[1110];
        for (int i = 0; i < labels.length; i++) labels[i] = i % 111 == 0 ? 2 : i % 11 == 5 ? 1 : 0;
        return labels;
    }

    /**
     * A class's draw count is Binomial(trials, p) for a correct sampler; accept it within 5 standard
     * deviations (a false alarm has probability ≈ 6e-7 per check). For 300k draws and p = 1/3 the
     * bound is 5·√(300000·⅓·⅔) ≈ 1291 draws, i.e. a frequency within ±0.0043 of 1/3.
     */
    private static boolean withinBinomialBound(long count, long trials, double p) {
        double sd = Math.sqrt(trials * p * (1 - p));
        return Math.abs(count - trials * p) <= 5 * sd;
    }

    @Test
    void inverseFrequencyWeightsDrawEveryClassAboutEquallyOften() {
        int[] labels = imbalancedLabels();
        assertArrayEquals(new int[] {1000, 100, 10}, WeightedRandomSampler.countLabels(labels, 3));
        double[] w = ClassWeights.inverseFrequency(new int[] {1000, 100, 10});
        WeightedRandomSampler sampler = new WeightedRandomSampler(labels, w, DRAWS);
        assertArrayEquals(new double[] {DRAWS / 3.0, DRAWS / 3.0, DRAWS / 3.0}, sampler.expectedDrawsPerClass(), 1e-6);

        int[] draws = WeightedRandomSampler.drawsPerClass(sampler.sample(new SplittableRandom(7)), labels, 3);
        for (int c = 0; c < 3; c++) {
            assertTrue(withinBinomialBound(draws[c], DRAWS, 1 / 3.0), "class " + c + ": " + Arrays.toString(draws));
        }

        // The bound has teeth: drawing uniformly over samples (the broken sampler) lands far outside it.
        SplittableRandom rng = new SplittableRandom(7);
        int[] uniform = new int[DRAWS];
        for (int d = 0; d < DRAWS; d++) uniform[d] = rng.nextInt(labels.length);
        int[] broken = WeightedRandomSampler.drawsPerClass(uniform, labels, 3);
        for (int c = 0; c < 3; c++) assertFalse(withinBinomialBound(broken[c], DRAWS, 1 / 3.0), "class " + c);
    }

    @Test
    void eachSampleIsDrawnWithProbabilityProportionalToItsClassWeight() {
        int[] labels = imbalancedLabels();
        WeightedRandomSampler sampler = new WeightedRandomSampler(labels, new double[] {1, 10, 100}, DRAWS);
        int[] perSample = new int[labels.length];
        for (int i : sampler.sample(new SplittableRandom(11))) perSample[i]++;
        double total = 1000 * 1 + 100 * 10 + 10 * 100;
        double[] weight = {1, 10, 100};
        for (int i = 0; i < labels.length; i++) {
            double p = weight[labels[i]] / total; // 1/3000, 1/300 or 1/30
            assertTrue(withinBinomialBound(perSample[i], DRAWS, p), "sample " + i + " drawn " + perSample[i]);
        }
    }

    @Test
    void drawsWithReplacement() {
        int[] labels = imbalancedLabels();
        WeightedRandomSampler sampler = new WeightedRandomSampler(labels, ClassWeights.inverseFrequency(new int[] {1000, 100, 10}), 1110);
        int[] idx = sampler.sample(new SplittableRandom(3));
        assertEquals(1110, idx.length);
        long tailDraws = Arrays.stream(idx).filter(i -> labels[i] == 2).count();
        long tailDistinct = Arrays.stream(idx).filter(i -> labels[i] == 2).distinct().count();
        assertTrue(tailDraws > 300, "tail class drawn " + tailDraws + " times"); // expected 370
        assertTrue(tailDistinct <= 10, "only 10 tail images exist");
        assertTrue(Arrays.stream(idx).distinct().count() < idx.length, "duplicates must occur");
    }

    @Test
    void sameSeedSameSequenceDifferentSeedDifferent() {
        int[] labels = imbalancedLabels();
        WeightedRandomSampler sampler = new WeightedRandomSampler(labels, new double[] {1, 10, 100}, 5000);
        int[] a = sampler.sample(new SplittableRandom(42));
        assertArrayEquals(a, sampler.epoch(new SplittableRandom(42)));
        assertFalse(Arrays.equals(a, sampler.sample(new SplittableRandom(43))));
        assertEquals(5000, sampler.samplesPerEpoch());
    }

    @Test
    void classesWithZeroWeightOrNoImagesAreNeverDrawn() {
        int[] labels = {0, 0, 0, 2, 2, 3};
        WeightedRandomSampler sampler = new WeightedRandomSampler(labels, new double[] {1, 5, 0, 2}, 20_000);
        int[] draws = WeightedRandomSampler.drawsPerClass(sampler.sample(new SplittableRandom(1)), labels, 4);
        assertEquals(0, draws[1]);
        assertEquals(0, draws[2]);
        assertArrayEquals(new double[] {20_000 * 0.6, 0, 0, 20_000 * 0.4}, sampler.expectedDrawsPerClass(), 1e-9);
        assertTrue(withinBinomialBound(draws[0], 20_000, 0.6), Arrays.toString(draws));
    }

    @Test
    void badInputIsReported() {
        assertThrows(CounterweightException.class, () -> new WeightedRandomSampler(new int[] {0, 1}, new double[] {0, 0}, 10));
        var label = assertThrows(CounterweightException.class, () -> new WeightedRandomSampler(new int[] {0, 3}, new double[] {1, 1}, 10));
        assertTrue(label.getMessage().contains("label 3 of sample 1"), label.getMessage());
        assertThrows(CounterweightException.class, () -> new WeightedRandomSampler(new int[] {0}, new double[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> new WeightedRandomSampler(new int[] {0}, new double[] {Double.NaN}, 1));
    }

    @Test
    void shuffleSamplerIsASeededPermutation() {
        ShuffleSampler s = new ShuffleSampler(1000);
        int[] a = s.epoch(new SplittableRandom(5));
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 1000; i++) assertEquals(i, sorted[i]);
        assertArrayEquals(a, s.epoch(new SplittableRandom(5)));
        assertFalse(Arrays.equals(a, s.epoch(new SplittableRandom(6))));
        long fixedPoints = java.util.stream.IntStream.range(0, 1000).filter(i -> a[i] == i).count();
        assertTrue(fixedPoints < 10, "a shuffle leaves about one element in place, got " + fixedPoints);
    }

    @Test
    void forTrainingPicksTheStudySamplerOrTheBaseline() {
        int[] labels = imbalancedLabels();
        EpochSampler weighted = EpochSampler.forTraining(labels, 3, true, WeightMode.INVERSE_FREQUENCY, 0.999);
        EpochSampler plain = EpochSampler.forTraining(labels, 3, false, WeightMode.INVERSE_FREQUENCY, 0.999);
        assertTrue(weighted instanceof WeightedRandomSampler);
        assertTrue(plain instanceof ShuffleSampler);
        assertEquals(1110, weighted.samplesPerEpoch());
        assertEquals(1110, plain.samplesPerEpoch());
    }
}
