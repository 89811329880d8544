package io.counterweight.core.model.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SIMD weight gradient against the im2col definition, on shapes that exercise every padding of its blocks. */
class DirectWeightGradientTest {

    @Test
    void theTestJvmHasTheVectorApi() {
        // surefire passes --add-modules jdk.incubator.vector, as the launcher and javafx:run do; without it the
        // tests below would be skipped by the product code's fallback and prove nothing
        assertTrue(DirectWeightGradient.available(), "jdk.incubator.vector is not in the boot layer");
    }

    @ParameterizedTest(name = "n{0} c{1} {2}x{3} k{4}x{5} pad {6},{7} -> {8}x{9}, O {10}, relu {11}")
    @CsvSource({
            "3, 3, 32, 32, 5, 5, 0, 0, 28, 28, 6, true",   // LeNet's first layer
            "2, 3, 9, 8, 3, 3, 1, 1, 9, 8, 32, true",      // the study CNN's: same mode, O not a multiple of 6
            "2, 1, 7, 6, 2, 2, 0, 0, 6, 5, 4, false",      // kernel width 2: one short block of kernel columns
            "2, 2, 6, 9, 4, 4, 1, 1, 6, 9, 7, false",      // even kernel in same mode: padding 1 before, 2 after
            "1, 3, 5, 5, 1, 1, 0, 0, 5, 5, 13, true",      // 1x1 convolution
            "4, 2, 11, 3, 3, 2, 0, 1, 9, 4, 6, true"       // non-square kernel, padding on one axis only
    })
    void matchesIm2colTimesDelta(int n, int c, int h, int w, int kh, int kw, int py, int px, int oh, int ow, int outC, boolean relu) {
        ConvGeometry g = new ConvGeometry(n, c, h, w, kh, kw, 1, 1, py, px, oh, ow);
        Random r = new Random(n * 31L + outC);
        float[] x = random(r, n * c * h * w);
        float[] eps = random(r, n * outC * g.p());
        float[] pre = relu ? random(r, eps.length) : null;

        float[] delta = eps.clone();
        if (relu) for (int i = 0; i < delta.length; i++) if (pre[i] <= 0f) delta[i] = 0f;
        float[] col = new float[g.k() * g.columns()];
        g.im2col(x, col);
        double[] expectedW = new double[outC * g.k()];
        double[] expectedB = new double[outC];
        for (int o = 0; o < outC; o++) {
            for (int i = 0; i < n; i++) {
                for (int q = 0; q < g.p(); q++) {
                    float d = delta[(i * outC + o) * g.p() + q];
                    expectedB[o] += d;
                    for (int k = 0; k < g.k(); k++) expectedW[o * g.k() + k] += d * col[k * g.columns() + i * g.p() + q];
                }
            }
        }

        DirectWeightGradient direct = new DirectWeightGradient();
        float[] gw = new float[outC * g.k()], gb = new float[outC];
        for (int round = 0; round < 2; round++) { // the second call reuses the buffers: no stale values may leak in
            direct.compute(g, outC, x, eps, pre, gw, gb);
            for (int i = 0; i < gw.length; i++) assertEquals(expectedW[i], gw[i], 1e-4 * Math.max(1, Math.abs(expectedW[i])), "dW[" + i + "]");
            for (int o = 0; o < outC; o++) assertEquals(expectedB[o], gb[o], 1e-4 * Math.max(1, Math.abs(expectedB[o])), "db[" + o + "]");
        }
    }

    @Test
    void refusesStridesOtherThanOne() {
        ConvGeometry g = new ConvGeometry(1, 1, 6, 6, 2, 2, 2, 2, 0, 0, 3, 3);
        assertTrue(!DirectWeightGradient.supports(g));
        assertThrows(IllegalArgumentException.class,
                () -> new DirectWeightGradient().compute(g, 2, new float[36], new float[18], null, new float[8], new float[2]));
    }

    private static float[] random(Random r, int size) {
        float[] a = new float[size];
        for (int i = 0; i < size; i++) a[i] = r.nextFloat() - 0.5f;
        return a;
    }
}
