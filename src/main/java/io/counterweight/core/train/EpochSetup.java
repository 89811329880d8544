package io.counterweight.core.train;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * What changes at the start of an epoch (the schedule seam): the learning rate, or the loss that a
 * deferred re-weighting switches on. Depends only on the epoch, so a resumed run sets what an
 * uninterrupted one set.
 */
@FunctionalInterface
public interface EpochSetup {
    /**
     * @param networks the network being trained first (its updater takes the steps), then the replicas that
     *                 share its parameters ({@link DataParallelStep}), which compute gradients with their own loss
     */
    void beforeEpoch(int epoch, List<MultiLayerNetwork> networks);

    /** Changes nothing (the study's recipe). */
    EpochSetup NONE = (epoch, networks) -> { };
}
