package io.counterweight.core.train;

import io.counterweight.core.model.OutputLoss;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * The per-epoch part of a recipe: the learning rate of each epoch ({@link LearningRateSchedule}) and the
 * loss, switched from plain cross-entropy to the remedy's loss at epoch {@code lossFromEpoch} (deferred
 * re-weighting, Cao et al. 2019; 1 = from the start). Each epoch's settings depend only on the epoch, so
 * a run resumed from its checkpoint trains with those of the uninterrupted run.
 */
public final class RemedySchedule implements EpochSetup {
    private final LearningRateSchedule rates;
    private final ILossFunction loss;
    private final int lossFromEpoch;

    /** @param loss the remedy's loss, or null for plain cross-entropy throughout */
    public RemedySchedule(LearningRateSchedule rates, ILossFunction loss, int lossFromEpoch) {
        this.rates = rates;
        this.loss = loss;
        this.lossFromEpoch = Math.max(1, lossFromEpoch);
    }

    /** The loss trained with in {@code epoch}: plain cross-entropy before the switch. */
    public ILossFunction lossAt(int epoch) {
        return loss == null || epoch < lossFromEpoch ? new LossMCXENT() : loss;
    }

    public double learningRateAt(int epoch) {
        return rates.rateAt(epoch);
    }

    /** Nothing to do in any epoch: the study's recipe. */
    public boolean isPlain() {
        return loss == null && rates.isConstant();
    }

    @Override
    public void beforeEpoch(int epoch, List<MultiLayerNetwork> networks) {
        if (loss != null) {
            ILossFunction current = lossAt(epoch);
            for (MultiLayerNetwork net : networks) OutputLoss.set(net, current);
        }
        // only the first network's updater steps (replicas only compute gradients); DL4J keeps the momentum
        if (!rates.isConstant()) networks.get(0).setLearningRate(rates.rateAt(epoch));
    }
}
