package io.counterweight.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.data.ImageShape;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/** The class-weighted and the logit-adjusted loss against hand-computed values and finite differences. */
class RemedyLossTest {
    private static final ActivationSoftmax SOFTMAX = new ActivationSoftmax();
    private static final double E = Math.E;

    private static INDArray row(double... v) {
        return Nd4j.createFromArray(new double[][] {v});
    }

    @Test
    void logitAdjustedLossShiftsTheLogitsByTheLogPriors() {
        // priors 0.6 / 0.3 / 0.1; logits 1, 2, 0; the true class is the rare one
        LogitAdjustedLoss loss = new LogitAdjustedLoss(1.0, new int[] {6, 3, 1});
        INDArray z = row(1, 2, 0), y = row(0, 0, 1);
        double s = 0.6 * E + 0.3 * E * E + 0.1; // Σ π_j e^{z_j}
        assertEquals(-Math.log(0.1 / s), loss.computeScore(y, z, SOFTMAX, null, true), 1e-9);
        double[] expected = {0.6 * E / s, 0.3 * E * E / s, 0.1 / s - 1}; // softmax(z + log π) − y
        assertArrayClose(expected, loss.computeGradient(y, z, SOFTMAX, null).ravel().toDoubleVector(), 1e-9);

        // τ = 0.5: the priors enter as π^0.5
        LogitAdjustedLoss half = new LogitAdjustedLoss(0.5, new int[] {6, 3, 1});
        double sHalf = Math.sqrt(0.6) * E + Math.sqrt(0.3) * E * E + Math.sqrt(0.1);
        assertEquals(-Math.log(Math.sqrt(0.1) / sHalf), half.computeScore(y, z, SOFTMAX, null, true), 1e-9);
    }

    @Test
    void logitAdjustmentOfZeroIsPlainCrossEntropy() {
        INDArray z = Nd4j.createFromArray(new double[][] {{0.3, -1.2, 2.0, 0.1}, {1.5, 0.2, -0.4, 0.0}});
        INDArray y = Nd4j.createFromArray(new double[][] {{0, 0, 1, 0}, {0.7, 0, 0, 0.3}});
        ILossFunction plain = new LossMCXENT();
        LogitAdjustedLoss none = new LogitAdjustedLoss(1e-12, new int[] {100, 10, 5, 1});
        assertEquals(plain.computeScore(y, z.dup(), SOFTMAX, null, true), none.computeScore(y, z, SOFTMAX, null, true), 1e-6);
        assertArrayClose(plain.computeGradient(y, z.dup(), SOFTMAX, null).ravel().toDoubleVector(),
                none.computeGradient(y, z, SOFTMAX, null).ravel().toDoubleVector(), 1e-6);
    }

    @Test
    void logitAdjustedGradientMatchesFiniteDifferencesWithHardAndSoftLabels() {
        LogitAdjustedLoss loss = new LogitAdjustedLoss(1.0, new int[] {50, 20, 5, 1});
        INDArray z = Nd4j.createFromArray(new double[][] {{0.3, -1.2, 2.0, 0.1}, {1.5, 0.2, -0.4, 0.0}, {-0.5, 0.5, 0.9, 1.1}});
        INDArray y = Nd4j.createFromArray(new double[][] {{0, 0, 1, 0}, {0.7, 0, 0, 0.3}, {0, 0.25, 0, 0.75}});
        checkGradient(loss, y, z);
    }

    @Test
    void weightedCrossEntropyWeighsEachClassAsHandComputed() {
        LossMCXENT loss = new LossMCXENT(row(0.5, 1, 2));
        INDArray z = row(1, 2, 0);
        double s = E + E * E + 1;
        assertEquals(-2 * Math.log(1 / s), loss.computeScore(row(0, 0, 1), z.dup(), SOFTMAX, null, true), 1e-6);
        assertEquals(-0.5 * Math.log(E / s), loss.computeScore(row(1, 0, 0), z.dup(), SOFTMAX, null, true), 1e-6);
        // one-hot class c: w_c (p − y)
        double[] expected = {2 * E / s, 2 * E * E / s, 2 * (1 / s - 1)};
        assertArrayClose(expected, loss.computeGradient(row(0, 0, 1), z.dup(), SOFTMAX, null).ravel().toDoubleVector(), 1e-6);
        // soft labels (mixup): the score mixes the classes' weighted terms, and the gradient is the score's
        INDArray soft = row(0.4, 0, 0.6);
        assertEquals(-0.4 * 0.5 * Math.log(E / s) - 0.6 * 2 * Math.log(1 / s),
                loss.computeScore(soft, z.dup(), SOFTMAX, null, true), 1e-6);
        checkGradient(loss, Nd4j.createFromArray(new double[][] {{0.4, 0, 0.6}, {0, 1, 0}}),
                Nd4j.createFromArray(new double[][] {{1, 2, 0}, {-0.3, 0.8, 0.1}}));
    }

    @Test
    void theOutputLossSwapsInATrainingNetworkAndAModelIsWrittenWithThePlainOne() {
        MultiLayerNetwork net = ModelFactory.build(new ModelSpec("mlp", 7, 0.01, 0.9), new ImageShape(1, 4, 4), 3);
        assertTrue(OutputLoss.isPlain(OutputLoss.of(net)));
        DataSet batch = new DataSet(Nd4j.rand(DataType.FLOAT, 6, 1, 4, 4),
                Nd4j.createFromArray(new float[][] {{1, 0, 0}, {1, 0, 0}, {1, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}}));
        double plain = net.score(batch);
        LogitAdjustedLoss adjusted = new LogitAdjustedLoss(1.0, new int[] {100, 10, 1});
        OutputLoss.set(net, adjusted);
        assertNotEquals(plain, net.score(batch), 1e-4, "the layer computes with the swapped loss");
        ILossFunction[] whileWriting = new ILossFunction[1];
        OutputLoss.plainWhile(net, () -> whileWriting[0] = OutputLoss.of(net));
        assertTrue(OutputLoss.isPlain(whileWriting[0]));
        assertSame(adjusted, OutputLoss.of(net), "the remedy's loss is back after writing");
    }

    /** Central differences of the summed score against the analytic gradient, every entry. */
    private static void checkGradient(ILossFunction loss, INDArray y, INDArray z) {
        double[] analytic = loss.computeGradient(y, z.dup(), SOFTMAX, null).ravel().toDoubleVector();
        double h = 1e-5;
        double[] numeric = new double[analytic.length];
        int cols = (int) z.size(1);
        for (int i = 0; i < analytic.length; i++) {
            INDArray plus = z.dup(), minus = z.dup();
            plus.putScalar(i / cols, i % cols, z.getDouble(i / cols, i % cols) + h);
            minus.putScalar(i / cols, i % cols, z.getDouble(i / cols, i % cols) - h);
            numeric[i] = (loss.computeScore(y, plus, SOFTMAX, null, false) - loss.computeScore(y, minus, SOFTMAX, null, false)) / (2 * h);
        }
        assertArrayClose(numeric, analytic, 1e-6);
    }

    private static void assertArrayClose(double[] expected, double[] actual, double tolerance) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], actual[i], tolerance, "entry " + i);
    }
}
