package io.counterweight.core.train;

import io.counterweight.core.data.ImageSplit;
import io.counterweight.core.metrics.ConfusionMatrix;
import io.counterweight.core.metrics.Predictions;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The network's predictions on a (test) split: the confusion matrix of argmax predictions and the mean
 * cross-entropy. The loss is computed from the same forward pass as the predictions
 * ({@code −ln max(p_true, 1e-10)}, DL4J's MCXENT clipping), which equals {@code net.score} on the batch
 * for our unregularised networks but costs one forward pass instead of two.
 */
public record Evaluation(ConfusionMatrix confusion, double loss, Predictions predictions) {

    /** Evaluates {@code net} on all of {@code split}, {@code batchSize} images at a time. */
    public static Evaluation of(MultiLayerNetwork net, ImageSplit split, int numClasses, InputPipeline pipeline, int batchSize) {
        ConfusionMatrix cm = new ConfusionMatrix(numClasses);
        int[] order = EpochOrder.sequential(split.size()).indices(null);
        double lossSum = 0;
        int offset = 0;
        int[] truths = new int[split.size()];
        int[] predictedClasses = new int[split.size()];
        float[] confidence = new float[split.size()];
        try (InputPipeline.Batches batches = pipeline.batches(split, numClasses, order, batchSize, BatchTransform.IDENTITY, 0)) {
            while (batches.hasNext()) {
                DataSet batch = batches.next();
                float[][] probabilities;
                try {
                    probabilities = net.output(batch.getFeatures(), false).toFloatMatrix();
                } finally {
                    BatchAssembler.release(batch);
                }
                for (float[] p : probabilities) {
                    int truth = split.label(offset);
                    int predicted = argmax(p);
                    truths[offset] = truth;
                    predictedClasses[offset] = predicted;
                    confidence[offset] = p[predicted];
                    offset++;
                    cm.add(truth, predicted);
                    lossSum -= Math.log(Math.max(p[truth], 1e-10));
                }
            }
        }
        return new Evaluation(cm, offset == 0 ? Double.NaN : lossSum / offset, new Predictions(truths, predictedClasses, confidence));
    }

    /** Batch size for evaluation: larger than training (faster) but at most ~16 M floats of pixels. */
    public static int batchSizeFor(int trainBatch, int imageSize) {
        return Math.max(trainBatch, Math.min(256, 4_000_000 / Math.max(1, imageSize)));
    }

    static int argmax(float[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
        return best;
    }
}
