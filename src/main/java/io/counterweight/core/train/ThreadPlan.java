package io.counterweight.core.train;

import io.counterweight.core.data.ImageShape;
import io.counterweight.core.model.NetworkCost;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * How one training step uses the threads it may have: over how many replicas the batch is split
 * ({@link DataParallelStep}) and how many OpenMP threads each replica's native ops get.
 *
 * <p>Why a work threshold: a replica, or a second native thread, only pays when the step has enough
 * arithmetic to hide the fixed cost per op. Measured on a 2-core machine (docs/performance.md, change 18):
 * LeNet (≈ 4 MFLOP per image per step) trained slower split in two at batch 32 and 128 (128 and 256
 * MFLOP per replica) than on one thread, and slower still on ND4J's own 2-thread ops; the study CNN
 * (≈ 37 MFLOP per image) trained 1.3–1.5× faster split at batch 32 and 128 (≥ 590 MFLOP per replica).
 */
public record ThreadPlan(int replicas, int nativeThreadsEach) {
    /** The smallest step share worth a thread of its own, in floating-point operations. */
    public static final double MIN_FLOPS_PER_THREAD = 400e6;

    public ThreadPlan {
        if (replicas < 1 || nativeThreadsEach < 1) throw new IllegalArgumentException("replicas and threads must be at least 1");
    }

    /**
     * @param trainingFlopsPerImage e.g. {@code NetworkCost.trainingFlopsPerImage}
     * @param threads               threads the step may use
     */
    public static ThreadPlan of(double trainingFlopsPerImage, int batch, int threads) {
        if (threads <= 1) return new ThreadPlan(1, 1);
        double work = trainingFlopsPerImage * batch;
        int worthwhile = (int) Math.min(threads, Math.floor(work / MIN_FLOPS_PER_THREAD));
        if (worthwhile <= 1) return new ThreadPlan(1, 1); // too small to split, and too small for more native threads
        int replicas = Math.min(worthwhile, batch);
        return new ThreadPlan(replicas, Math.max(1, threads / replicas));
    }

    /** The plan for one training step of {@code net} on images of {@code shape} (its cost from {@link NetworkCost}). */
    public static ThreadPlan forStep(MultiLayerNetwork net, ImageShape shape, int batch, int threads) {
        double flops = NetworkCost.trainingFlopsPerImage(net.getLayerWiseConfigurations(),
                InputType.convolutional(shape.height(), shape.width(), shape.channels()));
        return of(flops, batch, threads);
    }

    /** Threads this plan keeps busy. */
    public int threads() {
        return replicas * nativeThreadsEach;
    }
}
