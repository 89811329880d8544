package io.counterweight.core.model.fast;

import java.util.Arrays;

/**
 * The weight and bias gradient of a stride-1 convolution straight from its input and delta, without an
 * im2col matrix: dW[o][c][ky][kx] = Σ_{n,y,x} δ[n][o][y][x] · X[n][c][y+ky][x+kx].
 *
 * <p>Why: for the first layer of LeNet the im2col matrix is 15 MB per half batch of 64; building it and
 * letting BLAS pack it again cost a quarter of a training step, and two replicas streaming it at once
 * saturated the memory bus (docs/performance.md, change 17). Here one image at a time is laid out in
 * cache and the sums run as SIMD FMAs ({@link VectorKernels}).
 *
 * <p>The trick that makes every inner loop a plain contiguous one: an input plane is zero-padded to
 * Hp × Wp (Wp = ow + kw − 1) and each delta plane is stored with the same row width Wp, zeros past
 * column ow. Then X[y+ky][x+kx] is xPlane[q + ky·Wp + kx] for q = y·Wp + x, and the sum over (y, x)
 * becomes one dot product over q; the values read at x ≥ ow belong to the next row but meet a zero.
 *
 * <p>Needs the {@code jdk.incubator.vector} module ({@code --add-modules jdk.incubator.vector}, which the
 * launcher, {@code mvn javafx:run} and the tests pass); without it {@link #available()} is false and the
 * caller keeps the im2col + GEMM path. {@code -Dcounterweight.directGradient=false} turns it off (for
 * benchmarks).
 */
final class DirectWeightGradient {
    static final String PROPERTY = "counterweight.directGradient";
    private static final boolean AVAILABLE = detect();

    // compile-time constants: using them does not load VectorKernels
    private static final int OB = VectorKernels.O_BLOCK, KB = VectorKernels.KX_BLOCK;

    private ConvGeometry geometry;
    private int outC, lanes, wp, hp, paddedOut, kxGroups, oGroups;
    private float[] xImg, dImg, acc, plane;

    private static boolean detect() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return false;
        try {
            return VectorKernels.lanes() >= 4;
        } catch (LinkageError e) {
            return false;
        }
    }

    /** True when the Vector API is there and the property does not switch it off (read now: tests flip it). */
    static boolean enabled() {
        return AVAILABLE && Boolean.parseBoolean(System.getProperty(PROPERTY, "true"));
    }

    /** True when the Vector API module is in this JVM. */
    static boolean available() {
        return AVAILABLE;
    }

    /** Stride 1 in both directions (padding of any size); other convolutions keep the im2col path. */
    static boolean supports(ConvGeometry g) {
        return g.sx() == 1 && g.sy() == 1;
    }

    /**
     * Fills weightGrad [O·c·kh·kw, as O × c × kh × kw] and biasGrad [O] (when not null) from x [n, c, h, w] and
     * the upstream gradient: δ = eps, or with {@code reluPre} given, δ = eps where reluPre > 0 and 0 elsewhere
     * (the ReLU derivative fused into the same pass). eps and reluPre are [n, O, oh, ow], c order.
     */
    void compute(ConvGeometry g, int outChannels, float[] x, float[] eps, float[] reluPre, float[] weightGrad, float[] biasGrad) {
        if (!supports(g)) throw new IllegalArgumentException("direct weight gradient needs stride 1: " + g);
        ensure(g, outChannels);
        int l = lanes, c = g.c(), kh = g.kh(), kw = g.kw(), oh = g.oh(), ow = g.ow(), p = g.p();
        int xPlane = hp * wp, groups = c * kh * kxGroups * oGroups;
        Arrays.fill(acc, 0, groups * OB * KB * l, 0f);
        if (biasGrad != null) Arrays.fill(biasGrad, 0, outChannels, 0f);
        for (int i = 0; i < g.n(); i++) {
            padInput(g, x, i);
            int src = i * outChannels * p;
            for (int o = 0; o < outChannels; o++) { // δ plane (masked by the ReLU) into rows of width wp
                float sum = VectorKernels.maskedCopySum(eps, reluPre, src + o * p, p, plane);
                for (int y = 0; y < oh; y++) System.arraycopy(plane, y * ow, dImg, o * paddedOut + y * wp, ow);
                if (biasGrad != null) biasGrad[o] += sum;
            }
            int group = 0;
            for (int ci = 0; ci < c; ci++) {
                for (int ky = 0; ky < kh; ky++) {
                    for (int kg = 0; kg < kxGroups; kg++) {
                        int xOff = ci * xPlane + ky * wp + kg * KB;
                        for (int og = 0; og < oGroups; og++, group++) {
                            VectorKernels.accumulate(xImg, xOff, dImg, og * OB * paddedOut, paddedOut, paddedOut, acc, group * OB * KB * l);
                        }
                    }
                }
            }
        }
        int group = 0, k = c * kh * kw;
        for (int ci = 0; ci < c; ci++) {
            for (int ky = 0; ky < kh; ky++) {
                for (int kg = 0; kg < kxGroups; kg++) {
                    for (int og = 0; og < oGroups; og++, group++) {
                        for (int oo = 0; oo < OB; oo++) {
                            int o = og * OB + oo;
                            for (int j = 0; j < KB; j++) {
                                int kx = kg * KB + j;
                                if (o >= outChannels || kx >= kw) continue; // padding of the blocks
                                weightGrad[o * k + (ci * kh + ky) * kw + kx] = VectorKernels.sumLanes(acc, (group * OB * KB + oo * KB + j) * l);
                            }
                        }
                    }
                }
            }
        }
    }

    /** Image i of x into xImg as c zero-padded planes of hp × wp (the padding cells stay zero from allocation). */
    private void padInput(ConvGeometry g, float[] x, int i) {
        int c = g.c(), h = g.h(), w = g.w(), py = g.py(), px = g.px();
        // the image may be cropped on the right/bottom when the output does not use its last columns/rows
        int rows = Math.min(h, hp - py), cols = Math.min(w, wp - px);
        for (int ci = 0; ci < c; ci++) {
            int src = (i * c + ci) * h * w, dst = ci * hp * wp + py * wp + px;
            for (int y = 0; y < rows; y++) System.arraycopy(x, src + y * w, xImg, dst + y * wp, cols);
        }
    }

    private void ensure(ConvGeometry g, int outChannels) {
        if (g.equals(geometry) && outChannels == outC) return;
        lanes = VectorKernels.lanes();
        wp = g.ow() + g.kw() - 1;
        hp = g.oh() + g.kh() - 1;
        paddedOut = (g.oh() * wp + lanes - 1) / lanes * lanes; // a delta plane, rounded up to whole vectors
        kxGroups = (g.kw() + KB - 1) / KB;
        oGroups = (outChannels + OB - 1) / OB;
        // reads reach past the last plane by up to (kh-1)·wp + kxGroups·KB + paddedOut: that tail stays zero
        xImg = new float[g.c() * hp * wp + (g.kh() - 1) * wp + kxGroups * KB + paddedOut];
        dImg = new float[oGroups * OB * paddedOut];
        plane = new float[g.p()];
        acc = new float[g.c() * g.kh() * kxGroups * oGroups * OB * KB * lanes];
        geometry = g;
        outC = outChannels;
    }
}
