package io.counterweight.core.model.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConvGeometryTest {

    @ParameterizedTest
    @CsvSource({"3,1,1,1", "5,1,0,0", "3,2,1,1", "2,2,0,0", "4,3,2,1"})
    void im2colMatchesTheDefinitionAndCol2imIsItsAdjoint(int k, int s, int py, int px) {
        int n = 2, c = 3, h = 7, w = 6;
        int oh = (h + 2 * py - k) / s + 1, ow = (w + 2 * px - k) / s + 1;
        ConvGeometry g = new ConvGeometry(n, c, h, w, k, k, s, s, py, px, oh, ow);
        SplittableRandom rng = new SplittableRandom(11);
        float[] x = new float[n * c * h * w];
        for (int i = 0; i < x.length; i++) x[i] = (float) rng.nextDouble(-1, 1);
        float[] col = new float[g.k() * g.columns()];
        g.im2col(x, col);
        for (int ci = 0; ci < c; ci++) for (int ky = 0; ky < k; ky++) for (int kx = 0; kx < k; kx++)
            for (int i = 0; i < n; i++) for (int oy = 0; oy < oh; oy++) for (int ox = 0; ox < ow; ox++) {
                int iy = oy * s - py + ky, ix = ox * s - px + kx;
                float expected = iy < 0 || iy >= h || ix < 0 || ix >= w ? 0f : x[((i * c + ci) * h + iy) * w + ix];
                int row = (ci * k + ky) * k + kx;
                assertEquals(expected, col[row * g.columns() + (i * oh + oy) * ow + ox]);
            }
        // <im2col(x), y> == <x, col2im(y)>
        float[] y = new float[col.length];
        for (int i = 0; i < y.length; i++) y[i] = (float) rng.nextDouble(-1, 1);
        float[] back = new float[x.length];
        g.col2im(y, back);
        double lhs = 0, rhs = 0;
        for (int i = 0; i < col.length; i++) lhs += (double) col[i] * y[i];
        for (int i = 0; i < x.length; i++) rhs += (double) x[i] * back[i];
        assertEquals(lhs, rhs, 1e-4);
    }
}
