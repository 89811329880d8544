package io.counterweight.core.model;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Logit-adjusted cross-entropy (Menon et al., ICLR 2021); τ = 1 is the balanced softmax (Ren et al.,
 * NeurIPS 2020): {@code L = −Σ_j y_j log softmax(z + τ log π)_j}, π the training-set class priors.
 * Its gradient with respect to the pre-activation z is {@code softmax(z + τ log π) · Σ_j y_j − y}, which
 * also holds for the soft labels of mixup.
 *
 * <p>The output layer keeps its softmax activation, so at inference the network gives plain
 * probabilities; the prior shift only exists while training. This class never goes into a model.zip
 * (see {@link OutputLoss#plainWhile}), so a saved model loads in DL4J without Counterweight's classes.
 */
public final class LogitAdjustedLoss implements ILossFunction {
    private static final long serialVersionUID = 1L;
    private final double tau;
    private final double[] logPriors;

    /**
     * @param tau         the adjustment's strength (1 = balanced softmax)
     * @param classCounts training images per class; a class without images counts as one, so its log prior stays finite
     */
    public LogitAdjustedLoss(double tau, int[] classCounts) {
        this.tau = tau;
        long total = 0;
        for (int n : classCounts) total += Math.max(1, n);
        logPriors = new double[classCounts.length];
        for (int c = 0; c < classCounts.length; c++) logPriors[c] = Math.log(Math.max(1, classCounts[c]) / (double) total);
    }

    public double tau() {
        return tau;
    }

    /** log π per class (a copy). */
    public double[] logPriors() {
        return logPriors.clone();
    }

    /** log softmax(z + τ log π), row by row, computed stably. */
    private INDArray adjustedLogSoftmax(INDArray preOutput, IActivation activation) {
        if (!(activation instanceof ActivationSoftmax)) {
            throw new IllegalStateException("the logit-adjusted loss needs a softmax output layer, got " + activation);
        }
        INDArray shift = Nd4j.createFromArray(logPriors).castTo(preOutput.dataType()).muli(tau);
        INDArray z = preOutput.addRowVector(shift);
        INDArray max = z.max(1).reshape(z.size(0), 1);
        z.subiColumnVector(max);
        INDArray logSum = Transforms.log(Transforms.exp(z, true).sum(1), false).reshape(z.size(0), 1);
        return z.subiColumnVector(logSum);
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask) {
        INDArray perExample = adjustedLogSoftmax(preOutput, activation).muli(labels.castTo(preOutput.dataType()))
                .sum(1).negi().reshape(preOutput.size(0), 1);
        if (mask != null) perExample.muli(mask.reshape(preOutput.size(0), 1).castTo(perExample.dataType()));
        return perExample;
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask, boolean average) {
        double sum = computeScoreArray(labels, preOutput, activation, mask).sumNumber().doubleValue();
        return average ? sum / preOutput.size(0) : sum;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask) {
        INDArray y = labels.castTo(preOutput.dataType());
        INDArray p = Transforms.exp(adjustedLogSoftmax(preOutput, activation), false);
        INDArray labelMass = y.sum(1).reshape(y.size(0), 1);
        INDArray gradient = p.muliColumnVector(labelMass).subi(y);
        if (mask != null) gradient.muliColumnVector(mask.reshape(preOutput.size(0), 1).castTo(gradient.dataType()));
        return gradient;
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activation,
                                                          INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activation, mask, average),
                computeGradient(labels, preOutput, activation, mask));
    }

    @Override
    public String name() {
        return "LogitAdjusted(tau=" + tau + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
