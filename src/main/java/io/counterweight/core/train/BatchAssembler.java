package io.counterweight.core.train;

import io.counterweight.core.data.ImageSplit;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns a run of training-set indices into one DL4J {@link DataSet}: features float32 NCHW with each
 * uint8 pixel scaled to [0, 1] ({@code value / 255}, no mean subtraction), labels one-hot.
 *
 * <p>Pixels are written into one float buffer per batch that is reused from batch to batch (and copied
 * off-heap with one memcpy), so no per-image arrays or INDArrays are made: each image is copied out of the
 * split's pixel store into one reused buffer, which the transform reads (and, unchanged, returns). Not
 * thread-safe: one assembler per thread.
 */
public final class BatchAssembler {
    private static final float SCALE = 1f / 255f;
    private float[] features = new float[0];
    private float[] labels = new float[0];
    private byte[] image = new byte[0];

    /** Images {@code order[from..to)} of {@code split}, each passed through {@code transform} with {@code rng}. */
    public DataSet assemble(ImageSplit split, int numClasses, int[] order, int from, int to,
                            BatchTransform transform, SplittableRandom rng) {
        return assemble(split, numClasses, order, from, to, transform, rng, BatchMix.NONE, null);
    }

    /** As above, then the whole batch mixed by {@code mix} with {@code mixRng} (mixup). */
    public DataSet assemble(ImageSplit split, int numClasses, int[] order, int from, int to,
                            BatchTransform transform, SplittableRandom rng, BatchMix mix, SplittableRandom mixRng) {
        int n = to - from;
        int size = split.shape().size();
        if (features.length != n * size) features = new float[n * size];
        if (labels.length != n * numClasses) labels = new float[n * numClasses];
        if (image.length != size) image = new byte[size];
        java.util.Arrays.fill(labels, 0f);
        for (int k = 0; k < n; k++) {
            int index = order[from + k];
            split.copyInto(index, image, 0);
            byte[] pixels = transform.apply(image, rng);
            int base = k * size;
            for (int p = 0; p < size; p++) features[base + p] = (pixels[p] & 0xFF) * SCALE;
            int label = split.label(index);
            if (label < 0 || label >= numClasses) {
                throw new IllegalArgumentException("label " + label + " of image " + index + " outside 0.." + (numClasses - 1));
            }
            labels[k * numClasses + label] = 1f;
        }
        if (mix != BatchMix.NONE) mix.mix(features, labels, n, size, numClasses, mixRng);
        long[] featureShape = {n, split.shape().channels(), split.shape().height(), split.shape().width()};
        return new DataSet(toNative(features, featureShape), toNative(labels, new long[] {n, numClasses}));
    }

    /**
     * A new c-order float array holding {@code values}, filled with one memcpy. {@code Nd4j.create(float[], …)}
     * copies element by element, which was a third of the whole input pipeline's time.
     */
    private static INDArray toNative(float[] values, long[] shape) {
        INDArray a = Nd4j.createUninitializedDetached(DataType.FLOAT, 'c', shape);
        new FloatPointer(a.data().addressPointer()).put(values, 0, (int) a.length());
        return a;
    }

    /**
     * Frees a batch's off-heap arrays now, once nothing will read them again. Left to the garbage collector,
     * dozens of freed-late 1.5 MB buffers made the allocation of the next batch erratic: up to 80% of
     * the assembly time (docs/performance.md, change 20). Arrays that are views or in a workspace are left alone.
     */
    public static void release(DataSet batch) {
        for (INDArray a : new INDArray[] {batch.getFeatures(), batch.getLabels()}) {
            if (a != null && a.closeable()) a.close();
        }
    }

    /** Convenience: all of {@code indices}, unchanged. */
    public DataSet assemble(ImageSplit split, int numClasses, int[] indices) {
        return assemble(split, numClasses, indices, 0, indices.length, BatchTransform.IDENTITY, null);
    }
}
