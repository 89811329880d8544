package io.counterweight.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DemoDatasetTest {

    @Test
    void longTailedTrainBalancedTest() {
        Dataset d = DemoDataset.generate(1);
        assertEquals(8, d.numClasses());
        assertEquals(new ImageShape(3, 32, 32), d.shape());
        assertArrayEquals(new int[] {500, 285, 163, 93, 53, 30, 17, 10}, d.trainCounts());
        assertArrayEquals(new int[] {60, 60, 60, 60, 60, 60, 60, 60}, d.testCounts());
        assertEquals(DatasetFormat.DEMO, d.format());
    }

    @Test
    void sameSeedSamePixelsOtherSeedOthers() {
        assertEquals(DatasetFingerprint.of(DemoDataset.generate(7)), DatasetFingerprint.of(DemoDataset.generate(7)));
        assertNotEquals(DatasetFingerprint.of(DemoDataset.generate(7)), DatasetFingerprint.of(DemoDataset.generate(8)));
    }

    @Test
    void generatesInUnderASecond() {
        DemoDataset.generate(0); // warm-up: class loading and JIT are not the generator's cost
        long start = System.nanoTime();
        DemoDataset.generate(3);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 1000, "took " + millis + " ms");
    }

    @Test
    void shapeAndBackgroundDifferEnoughToSee() {
        // The mean contrast between ink and background must be large: the shape is meant to be learnable.
        Dataset d = DemoDataset.generate(2);
        double total = 0;
        for (int i = 0; i < d.test().size(); i++) {
            byte[] img = d.test().image(i);
            int min = 255, max = 0;
            for (int p = 0; p < 1024; p++) {
                int luma = (img[p] & 0xFF) + (img[1024 + p] & 0xFF) + (img[2048 + p] & 0xFF);
                min = Math.min(min, luma / 3);
                max = Math.max(max, luma / 3);
            }
            total += max - min;
        }
        assertTrue(total / d.test().size() > 80, "mean contrast " + total / d.test().size());
    }

    @Test
    void nearestClassMeanIsFarAboveChance() {
        // A guard that the classes stay separable: even a nearest-mean classifier on brightness, which
        // knows nothing of shapes, beats chance (1/8) by far on the balanced test split.
        Dataset d = DemoDataset.generate(4);
        double[][] means = new double[8][1024];
        int[] counts = d.trainCounts();
        for (int i = 0; i < d.train().size(); i++) {
            double[] m = means[d.train().label(i)];
            double[] luma = luma(d.train().image(i));
            for (int p = 0; p < 1024; p++) m[p] += luma[p] / counts[d.train().label(i)];
        }
        int correct = 0;
        for (int i = 0; i < d.test().size(); i++) {
            double[] luma = luma(d.test().image(i));
            int best = -1;
            double bestDistance = Double.MAX_VALUE;
            for (int c = 0; c < 8; c++) {
                double dist = 0;
                for (int p = 0; p < 1024; p++) dist += (luma[p] - means[c][p]) * (luma[p] - means[c][p]);
                if (dist < bestDistance) {
                    bestDistance = dist;
                    best = c;
                }
            }
            if (best == d.test().label(i)) correct++;
        }
        double accuracy = correct / (double) d.test().size();
        assertTrue(accuracy > 0.5, "accuracy " + accuracy); // 0.70 at seed 4 when written
    }

    private static double[] luma(byte[] chw) {
        double[] out = new double[1024];
        for (int p = 0; p < 1024; p++) out[p] = ((chw[p] & 0xFF) + (chw[1024 + p] & 0xFF) + (chw[2048 + p] & 0xFF)) / 3.0;
        return out;
    }

    @Test
    void shapesAreDistinctMasks() {
        // Rasterised at radius 10 without tilt, every pair of classes differs in many pixels.
        boolean[][] masks = new boolean[8][32 * 32];
        for (int s = 0; s < 8; s++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) masks[s][y * 32 + x] = DemoShapes.inside(s, (x + 0.5 - 16) / 10, (y + 0.5 - 16) / 10);
            }
        }
        for (int a = 0; a < 8; a++) {
            for (int b = a + 1; b < 8; b++) {
                int diff = 0;
                for (int p = 0; p < 1024; p++) if (masks[a][p] != masks[b][p]) diff++;
                assertTrue(diff >= 40, DemoDataset.CLASS_NAMES.get(a) + " vs " + DemoDataset.CLASS_NAMES.get(b) + ": " + diff);
            }
        }
    }
}
