package io.counterweight.core.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Mixup blends images and labels with the same λ and partner, drawn only from the given stream. */
class MixupTest {

    @Test
    void mixRowsBlendsEachRowWithItsPartnerAsItWasBefore() {
        float[] rows = {1, 2, 10, 20, 100, 200};
        Mixup.mixRows(rows, 3, 2, new int[] {1, 2, 0}, 0.75);
        assertArrayEquals(new float[] {0.75f * 1 + 0.25f * 10, 0.75f * 2 + 0.25f * 20,
                0.75f * 10 + 0.25f * 100, 0.75f * 20 + 0.25f * 200,
                0.75f * 100 + 0.25f * 1, 0.75f * 200 + 0.25f * 2}, rows, 1e-4f);
    }

    @Test
    void imagesAndLabelsAreMixedWithTheSameLambdaAndPartner() {
        int n = 5, size = 3, k = 4;
        float[] x = new float[n * size], y = new float[n * k];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < size; p++) x[i * size + p] = 10 * i + p; // image i is recognisable by its values
            y[i * k + i % k] = 1;
        }
        float[] x0 = x.clone(), y0 = y.clone();
        double lambda = new Mixup(0.4).mix(x, y, n, size, k, new SplittableRandom(7));
        assertTrue(lambda > 0 && lambda < 1, "λ = " + lambda);
        for (int i = 0; i < n; i++) {
            // the partner j solves x'_i = λ x_i + (1 − λ) x_j on every pixel, and the labels follow it
            double j = (x[i * size] - lambda * x0[i * size]) / (1 - lambda) / 10;
            int partner = (int) Math.round(j);
            assertEquals(partner, j, 1e-3, "image " + i + " is blended with one other image of the batch");
            for (int p = 0; p < size; p++) {
                assertEquals(lambda * x0[i * size + p] + (1 - lambda) * x0[partner * size + p], x[i * size + p], 1e-4);
            }
            float mass = 0;
            for (int c = 0; c < k; c++) {
                assertEquals(lambda * y0[i * k + c] + (1 - lambda) * y0[partner * k + c], y[i * k + c], 1e-6);
                mass += y[i * k + c];
            }
            assertEquals(1f, mass, 1e-6f, "soft labels still sum to 1");
        }
        float[] again = x0.clone(), againY = y0.clone();
        new Mixup(0.4).mix(again, againY, n, size, k, new SplittableRandom(7));
        assertArrayEquals(x, again, "the same stream, the same batch");
        assertArrayEquals(y, againY);
    }

    @Test
    void lambdaFollowsBetaAlphaAlpha() {
        SplittableRandom rng = new SplittableRandom(3);
        for (double alpha : new double[] {0.2, 1.0, 4.0}) {
            int n = 40_000;
            double sum = 0, sumSq = 0;
            for (int i = 0; i < n; i++) {
                double l = Mixup.beta(alpha, alpha, rng);
                assertTrue(l >= 0 && l <= 1);
                sum += l;
                sumSq += l * l;
            }
            double mean = sum / n, variance = sumSq / n - mean * mean;
            assertEquals(0.5, mean, 0.01, "mean of Beta(α, α), α = " + alpha);
            assertEquals(1 / (4 * (2 * alpha + 1)), variance, 0.006, "variance of Beta(α, α), α = " + alpha);
        }
    }
}
