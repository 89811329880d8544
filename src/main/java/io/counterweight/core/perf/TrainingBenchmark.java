package io.counterweight.core.perf;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import io.counterweight.core.data.ImageShape;
import io.counterweight.core.data.ImageSplit;
import io.counterweight.core.train.BatchAssembler;
import io.counterweight.core.train.DataParallelStep;

/**
 * Training and inference images/s of a network on one pre-built random batch (so only the network is
 * timed), plus the batch-assembly pipeline on generated images. CPU user/system seconds of the timed
 * training loop are kept in {@link #lastTrainCpu()} for the profile notes.
 */
public final class TrainingBenchmark {
    public static final ImageShape SHAPE = new ImageShape(3, 32, 32);
    private static volatile CpuTimes lastTrainCpu = new CpuTimes(0, 0);

    private TrainingBenchmark() {}

    public static BenchResult run(String model, int batch, int threads, int warmup, int iterations) {
        return run(BenchOptions.of(model, batch, threads).withIterations(warmup, iterations));
    }

    public static BenchResult run(BenchOptions o) {
        NativeThreads.apply(o.threads());
        return run(BenchNetworks.build(o), o);
    }

    /** Times {@code net} (any network taking 32×32×3 inputs and 50 classes, e.g. from ModelFactory). */
    public static BenchResult run(MultiLayerNetwork net, BenchOptions o) {
        int numClasses = (int) net.layerSize(net.getnLayers() - 1);
        ImageSplit images = RandomImages.split(SHAPE, o.batch(), numClasses, o.seed());
        int[] all = new int[o.batch()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        DataSet ds = new BatchAssembler().assemble(images, numClasses, all);
        if (o.format() == org.deeplearning4j.nn.conf.CNN2DFormat.NHWC) ds.setFeatures(ds.getFeatures().permute(0, 2, 3, 1).dup('c'));

        boolean split = o.splitBatch() && o.threads() > 1 && DataParallelStep.supported();
        double train;
        try (DataParallelStep step = split ? new DataParallelStep(net, o.threads()) : null) {
            for (int i = 0; i < o.warmup(); i++) fit(net, step, ds);
            CpuTimes cpu0 = CpuTimes.now();
            long t0 = System.nanoTime();
            for (int i = 0; i < o.iterations(); i++) fit(net, step, ds);
            train = o.batch() * (double) o.iterations() / ((System.nanoTime() - t0) / 1e9);
            lastTrainCpu = CpuTimes.now().minus(cpu0);
        }

        INDArray x = ds.getFeatures();
        for (int i = 0; i < o.warmup(); i++) net.output(x, false);
        long t1 = System.nanoTime();
        for (int i = 0; i < o.iterations(); i++) net.output(x, false);
        double inference = o.batch() * (double) o.iterations() / ((System.nanoTime() - t1) / 1e9);

        String backend = NativeThreads.backendDescription() + ", conv " + convEngine(net)
                + (split ? ", batch split over " + o.threads() + " threads" : "");
        return new BenchResult(o.model(), o.batch(), o.threads(), backend, train, inference, Double.NaN);
    }

    private static void fit(MultiLayerNetwork net, DataParallelStep step, DataSet ds) {
        if (step == null) net.fit(ds);
        else step.fit(ds);
    }

    /** Batch assembly (uniform sampling, no augmentation) on {@code count} generated images, images/s. */
    public static double pipeline(int batch, int numClasses, long seed) {
        ImageSplit data = RandomImages.split(SHAPE, 5_000, numClasses, seed);
        PipelineBenchmark.run(data, numClasses, batch, PipelineBenchmark.uniform(data.size()), PipelineBenchmark.identity(), 5_000, seed);
        return PipelineBenchmark.run(data, numClasses, batch, PipelineBenchmark.uniform(data.size()), PipelineBenchmark.identity(), 30_000, seed);
    }

    /** The engine of each convolution layer, e.g. "java_gemm+onednn". */
    private static String convEngine(MultiLayerNetwork net) {
        java.util.List<String> engines = new java.util.ArrayList<>();
        for (org.deeplearning4j.nn.api.Layer l : net.getLayers()) {
            if (l instanceof io.counterweight.core.model.fast.FastConvolution f) engines.add(f.engine().name().toLowerCase(java.util.Locale.ROOT));
            else if (l instanceof org.deeplearning4j.nn.layers.convolution.ConvolutionLayer) engines.add("dl4j");
        }
        return engines.isEmpty() ? "none" : String.join("+", engines);
    }

    public static CpuTimes lastTrainCpu() {
        return lastTrainCpu;
    }
}
