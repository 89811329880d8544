package io.counterweight.core.perf;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import io.counterweight.core.data.ImageShape;

/**
 * Turns a batch of uint8 CHW images into one DL4J DataSet without any per-image INDArray: pixels are
 * scaled into one reused float[] and handed to ND4J in a single copy (per-image INDArrays + concat cost
 * more than the small networks' training step). Not thread-safe: one assembler per pipeline thread.
 */
public final class BatchAssembler {
    private final ImageShape shape;
    private final int numClasses;
    private float[] features = new float[0];
    private float[] labels = new float[0];

    public BatchAssembler(ImageShape shape, int numClasses) {
        this.shape = shape;
        this.numClasses = numClasses;
    }

    /** Features [n, C, H, W] scaled to [0, 1], one-hot labels [n, numClasses]. */
    public DataSet assemble(byte[][] images, int[] imageLabels, int n) {
        int size = shape.size();
        if (features.length != n * size) {
            features = new float[n * size];
            labels = new float[n * numClasses];
        } else {
            java.util.Arrays.fill(labels, 0f);
        }
        for (int i = 0; i < n; i++) {
            byte[] img = images[i];
            int base = i * size;
            for (int j = 0; j < size; j++) features[base + j] = (img[j] & 0xFF) * (1f / 255f);
            labels[i * numClasses + imageLabels[i]] = 1f;
        }
        INDArray f = Nd4j.create(features, new long[] {n, shape.channels(), shape.height(), shape.width()}, 'c');
        INDArray l = Nd4j.create(labels, new long[] {n, numClasses}, 'c');
        return new DataSet(f, l);
    }
}
