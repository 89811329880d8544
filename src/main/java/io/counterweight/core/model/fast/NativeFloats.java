package io.counterweight.core.model.fast;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/** Bulk copies between float INDArrays (host memory) and Java float[]: one memcpy each way, no per-element JNI. */
final class NativeFloats {
    private NativeFloats() {}

    /** True if {@code a} is a dense c-order float array whose elements start at its buffer's address. */
    static boolean dense(INDArray a) {
        return a.dataType() == DataType.FLOAT && a.ordering() == 'c' && !a.isView() && a.offset() == 0
                && Shape.hasDefaultStridesForShape(a);
    }

    /** Copies {@code a} (any layout) into dst[0 .. length) in c order. */
    static void read(INDArray a, float[] dst) {
        INDArray c = dense(a) ? a : a.dup('c');
        int n = (int) c.length();
        new FloatPointer(c.data().addressPointer()).get(dst, 0, n);
    }

    /** Copies src[0 .. a.length) into {@code a}, which must be {@link #dense}. */
    static void write(float[] src, INDArray a) {
        if (!dense(a)) throw new IllegalArgumentException("target array must be dense c-order float");
        new FloatPointer(a.data().addressPointer()).put(src, 0, (int) a.length());
    }
}
