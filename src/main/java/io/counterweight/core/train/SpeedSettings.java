package io.counterweight.core.train;

import io.counterweight.core.data.ImageShape;
import io.counterweight.core.model.fast.ConvEngine;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The speed settings of a run that change its float results (not its maths): over how many replicas each
 * batch is split and with how many native threads, libnd4j's thread count, and which convolution engine
 * runs. Each changes the order of float summation, so two runs of the same config and seed give
 * identical metrics only when these match too. Recorded in provenance.json.
 *
 * @param computeThreads          threads a training step could use ({@link TrainingTuning#computeThreads()})
 * @param replicas                replicas a batch is split over (1: not split)
 * @param nativeThreadsPerReplica OpenMP threads of each replica's native ops, when split
 * @param nd4jThreads             libnd4j's maximum of native threads in this process
 * @param convolution             the convolution engine ({@link ConvEngine#describe()})
 */
public record SpeedSettings(int computeThreads, int replicas, int nativeThreadsPerReplica, int nd4jThreads,
                            String convolution) {

    /** The settings a run of {@code net} at {@code batch} with {@code tuning} gets in this process. */
    public static SpeedSettings of(MultiLayerNetwork net, ImageShape shape, int batch, TrainingTuning tuning) {
        ThreadPlan plan = ThreadPlan.forStep(net, shape, batch, tuning.computeThreads());
        boolean planned = tuning.computeThreads() > 1 && DataParallelStep.supported();
        return new SpeedSettings(tuning.computeThreads(), planned ? plan.replicas() : 1,
                planned ? plan.nativeThreadsEach() : NativeThreads.current(),
                NativeThreads.current(), ConvEngine.describe());
    }
}
