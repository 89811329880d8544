package io.counterweight.core.model.fast;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD loop of {@link DirectWeightGradient}, on the JDK's Vector API (module {@code jdk.incubator.vector}).
 * Only loaded when that module is in the boot layer: referring to this class without it would fail to link.
 */
final class VectorKernels {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    /** Output channels and kernel columns one call accumulates: 6 × 3 = 18 vector accumulators in registers. */
    static final int O_BLOCK = 6, KX_BLOCK = 3, ACCUMULATORS = O_BLOCK * KX_BLOCK;

    private VectorKernels() {}

    static int lanes() {
        return SPECIES.length();
    }

    /**
     * acc[accOff + (o·3 + j)·L + lane] += Σ_q d[dOff + o·dStride + q] · x[xOff + j + q] over q in [0, len),
     * len a multiple of L, for o in 0..5 and j in 0..2: six delta rows against three shifted input rows.
     * Each x vector feeds six FMAs and each d vector three, so the loop runs on the FMA units rather than
     * on loads. The accumulators are locals (registers) and go through {@code acc} only once per call:
     * JDK 17's C2 boxes vectors that live across an outer loop, which made a first version 7× slower.
     */
    static void accumulate(float[] x, int xOff, float[] d, int dOff, int dStride, int len, float[] acc, int accOff) {
        VectorSpecies<Float> s = SPECIES;
        int l = s.length();
        FloatVector a00 = FloatVector.fromArray(s, acc, accOff), a01 = FloatVector.fromArray(s, acc, accOff + l),
                a02 = FloatVector.fromArray(s, acc, accOff + 2 * l), a10 = FloatVector.fromArray(s, acc, accOff + 3 * l),
                a11 = FloatVector.fromArray(s, acc, accOff + 4 * l), a12 = FloatVector.fromArray(s, acc, accOff + 5 * l),
                a20 = FloatVector.fromArray(s, acc, accOff + 6 * l), a21 = FloatVector.fromArray(s, acc, accOff + 7 * l),
                a22 = FloatVector.fromArray(s, acc, accOff + 8 * l), a30 = FloatVector.fromArray(s, acc, accOff + 9 * l),
                a31 = FloatVector.fromArray(s, acc, accOff + 10 * l), a32 = FloatVector.fromArray(s, acc, accOff + 11 * l),
                a40 = FloatVector.fromArray(s, acc, accOff + 12 * l), a41 = FloatVector.fromArray(s, acc, accOff + 13 * l),
                a42 = FloatVector.fromArray(s, acc, accOff + 14 * l), a50 = FloatVector.fromArray(s, acc, accOff + 15 * l),
                a51 = FloatVector.fromArray(s, acc, accOff + 16 * l), a52 = FloatVector.fromArray(s, acc, accOff + 17 * l);
        int d0 = dOff, d1 = d0 + dStride, d2 = d1 + dStride, d3 = d2 + dStride, d4 = d3 + dStride, d5 = d4 + dStride;
        for (int q = 0; q < len; q += l) {
            FloatVector x0 = FloatVector.fromArray(s, x, xOff + q);
            FloatVector x1 = FloatVector.fromArray(s, x, xOff + q + 1);
            FloatVector x2 = FloatVector.fromArray(s, x, xOff + q + 2);
            FloatVector v = FloatVector.fromArray(s, d, d0 + q);
            a00 = v.fma(x0, a00); a01 = v.fma(x1, a01); a02 = v.fma(x2, a02);
            v = FloatVector.fromArray(s, d, d1 + q);
            a10 = v.fma(x0, a10); a11 = v.fma(x1, a11); a12 = v.fma(x2, a12);
            v = FloatVector.fromArray(s, d, d2 + q);
            a20 = v.fma(x0, a20); a21 = v.fma(x1, a21); a22 = v.fma(x2, a22);
            v = FloatVector.fromArray(s, d, d3 + q);
            a30 = v.fma(x0, a30); a31 = v.fma(x1, a31); a32 = v.fma(x2, a32);
            v = FloatVector.fromArray(s, d, d4 + q);
            a40 = v.fma(x0, a40); a41 = v.fma(x1, a41); a42 = v.fma(x2, a42);
            v = FloatVector.fromArray(s, d, d5 + q);
            a50 = v.fma(x0, a50); a51 = v.fma(x1, a51); a52 = v.fma(x2, a52);
        }
        a00.intoArray(acc, accOff); a01.intoArray(acc, accOff + l); a02.intoArray(acc, accOff + 2 * l);
        a10.intoArray(acc, accOff + 3 * l); a11.intoArray(acc, accOff + 4 * l); a12.intoArray(acc, accOff + 5 * l);
        a20.intoArray(acc, accOff + 6 * l); a21.intoArray(acc, accOff + 7 * l); a22.intoArray(acc, accOff + 8 * l);
        a30.intoArray(acc, accOff + 9 * l); a31.intoArray(acc, accOff + 10 * l); a32.intoArray(acc, accOff + 11 * l);
        a40.intoArray(acc, accOff + 12 * l); a41.intoArray(acc, accOff + 13 * l); a42.intoArray(acc, accOff + 14 * l);
        a50.intoArray(acc, accOff + 15 * l); a51.intoArray(acc, accOff + 16 * l); a52.intoArray(acc, accOff + 17 * l);
    }

    /**
     * dst[0 .. len) = src[off ..] where mask[off ..] > 0, else 0 (mask null: a plain copy); returns the sum of
     * dst. As scalar Java this loop cost more than the FMAs: a branch on a random sign, and a float sum
     * that cannot be reordered.
     */
    static float maskedCopySum(float[] src, float[] mask, int off, int len, float[] dst) {
        VectorSpecies<Float> s = SPECIES;
        int l = s.length(), q = 0;
        FloatVector sum = FloatVector.zero(s), zero = sum;
        for (; q <= len - l; q += l) {
            FloatVector v = FloatVector.fromArray(s, src, off + q);
            if (mask != null) v = zero.blend(v, FloatVector.fromArray(s, mask, off + q).compare(VectorOperators.GT, 0f));
            v.intoArray(dst, q);
            sum = sum.add(v);
        }
        float total = sum.reduceLanes(VectorOperators.ADD);
        for (; q < len; q++) {
            float v = mask == null || mask[off + q] > 0f ? src[off + q] : 0f;
            dst[q] = v;
            total += v;
        }
        return total;
    }

    /** Sum of the L lanes at acc[off .. off + L). */
    static float sumLanes(float[] acc, int off) {
        return FloatVector.fromArray(SPECIES, acc, off).reduceLanes(VectorOperators.ADD);
    }
}
