package io.counterweight.core.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

/**
 * How one batch is trained: on the calling thread ({@link #single}) or split over replicas
 * ({@link DataParallelStep}). The trainer picks one per run from its {@link ThreadPlan}.
 */
interface TrainingStep extends AutoCloseable {

    /** Fits one batch; returns its mean loss. The batch's arrays stay the caller's to free. */
    double fit(DataSet batch);

    @Override
    void close();

    /** The network being trained first, then any replicas computing gradients for it (see {@link EpochSetup}). */
    java.util.List<MultiLayerNetwork> networks();

    /** The plain step: {@code net.fit} on the whole batch, threading left to ND4J's native ops. */
    static TrainingStep single(MultiLayerNetwork net) {
        return new TrainingStep() {
            @Override
            public double fit(DataSet batch) {
                try {
                    net.fit(batch);
                    return net.score();
                } finally {
                    net.setInput(null); // the network keeps its last input: drop it before the caller frees it
                    net.setLabels(null);
                }
            }

            @Override
            public void close() {
                // nothing held
            }

            @Override
            public java.util.List<MultiLayerNetwork> networks() {
                return java.util.List.of(net);
            }
        };
    }
}
