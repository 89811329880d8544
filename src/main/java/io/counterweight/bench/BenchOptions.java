package io.counterweight.bench;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;

/**
 * What one benchmark run measures. {@code fastConv} swaps DL4J's convolution layer for the
 * fast layer of {@code core.model.fast}; {@code firstInputGradient} makes its first layer compute the
 * (unused) gradient of the network input, as DL4J's layer does; {@code splitBatch} trains with more than one
 * thread by splitting each batch over replicas ({@code core.train.DataParallelStep}) instead of leaving the
 * threads to ND4J's native ops; the other knobs are DL4J's own.
 */
public record BenchOptions(String model, int batch, int threads, int warmup, int iterations,
                           CNN2DFormat format, WorkspaceMode workspaceMode, boolean fastConv, boolean firstInputGradient, long seed,
                           boolean splitBatch) {

    public BenchOptions {
        if (!model.equals("study") && !model.equals("lenet")) throw new IllegalArgumentException("model must be study or lenet: " + model);
        if (batch < 1 || batch > 4096) throw new IllegalArgumentException("batch must be in 1..4096: " + batch);
        if (threads < 1 || threads > 256) throw new IllegalArgumentException("threads must be in 1..256: " + threads);
        if (warmup < 0 || iterations < 1) throw new IllegalArgumentException("warmup >= 0 and iterations >= 1 required");
    }

    /**
     * Images trained before timing, and timed, by default. The JIT and ND4J's workspaces need thousands of
     * images to settle: with 5 warm-up steps LeNet measured ~1,800 images/s where the steady state is ~3,000.
     */
    public static final int DEFAULT_WARMUP_IMAGES = 6_400;
    public static final int DEFAULT_TIMED_IMAGES = 6_400;

    /** The configuration the product uses (fast convolution, NCHW, workspaces on), measured in the steady state. */
    public static BenchOptions of(String model, int batch, int threads) {
        return new BenchOptions(model, batch, threads, steps(DEFAULT_WARMUP_IMAGES, batch), steps(DEFAULT_TIMED_IMAGES, batch),
                CNN2DFormat.NCHW, WorkspaceMode.ENABLED, true, false, 42L, true);
    }

    /** Steps of {@code batch} images that cover {@code images} images (at least one). */
    public static int steps(int images, int batch) {
        return Math.max(1, (images + batch - 1) / batch);
    }

    public BenchOptions withIterations(int warmup, int iterations) {
        return new BenchOptions(model, batch, threads, warmup, iterations, format, workspaceMode, fastConv, firstInputGradient, seed, splitBatch);
    }

    public BenchOptions withFastConv(boolean on) {
        return new BenchOptions(model, batch, threads, warmup, iterations, format, workspaceMode, on, firstInputGradient, seed, splitBatch);
    }

    public BenchOptions withFormat(CNN2DFormat f) {
        return new BenchOptions(model, batch, threads, warmup, iterations, f, workspaceMode, fastConv, firstInputGradient, seed, splitBatch);
    }

    public BenchOptions withWorkspaceMode(WorkspaceMode m) {
        return new BenchOptions(model, batch, threads, warmup, iterations, format, m, fastConv, firstInputGradient, seed, splitBatch);
    }
}
