package io.counterweight.core.experiment;

import io.counterweight.core.augment.Mixup;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.model.LogitAdjustedLoss;
import io.counterweight.core.sampling.ClassWeights;
import io.counterweight.core.train.BatchMix;
import io.counterweight.core.train.RemedySchedule;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/** The trainer's loss/learning-rate schedule and batch mixing for a config's remedies and recipe. */
final class RemedySeams {
    private RemedySeams() { }

    /** Learning rate per epoch, and the remedy's loss from its (possibly deferred) first epoch. */
    static RemedySchedule schedule(Dataset selected, ExperimentConfig cfg) {
        ExperimentConfig.Remedies r = cfg.remedies();
        int[] counts = selected.trainCounts();
        ILossFunction loss = switch (r.loss()) {
            case CROSS_ENTROPY -> null;
            case WEIGHTED -> new LossMCXENT(Nd4j.createFromArray(lossWeights(counts, r)).castTo(DataType.FLOAT).reshape(1, counts.length));
            case LOGIT_ADJUSTED -> new LogitAdjustedLoss(r.tau(), counts);
        };
        int from = r.loss() == io.counterweight.core.train.LossKind.WEIGHTED ? Math.max(1, r.deferEpoch()) : 1;
        return new RemedySchedule(cfg.recipe().schedule(), loss, from);
    }

    /**
     * The sampler's class weights scaled to a mean of 1 over the classes, so the weighted loss keeps the
     * plain loss's scale (and the learning rate its meaning), as in Cui et al. 2019.
     */
    static double[] lossWeights(int[] counts, ExperimentConfig.Remedies r) {
        double[] w = ClassWeights.compute(counts, r.weightMode(), r.beta());
        double sum = 0;
        for (double v : w) sum += v;
        for (int c = 0; c < w.length; c++) w[c] *= w.length / sum;
        return w;
    }

    static BatchMix mix(ExperimentConfig cfg) {
        if (cfg.remedies().mixup() <= 0) return BatchMix.NONE;
        Mixup mixup = new Mixup(cfg.remedies().mixup());
        return mixup::mix;
    }
}
