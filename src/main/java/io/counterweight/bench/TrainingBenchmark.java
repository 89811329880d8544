package io.counterweight.bench;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import io.counterweight.core.train.NativeThreads;
import io.counterweight.core.augment.AugmentConfig;
import io.counterweight.core.augment.Augmenter;
import io.counterweight.core.data.ImageShape;
import io.counterweight.core.data.ImageSplit;
import io.counterweight.core.sampling.ClassWeights;
import io.counterweight.core.sampling.WeightedRandomSampler;
import io.counterweight.core.train.BatchAssembler;
import io.counterweight.core.model.NetworkCost;
import io.counterweight.core.train.DataParallelStep;
import io.counterweight.core.train.ThreadPlan;

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

        // the product's rule (ThreadPlan): split only when each thread gets enough work, else one thread
        ThreadPlan plan = o.splitBatch() && o.threads() > 1 && DataParallelStep.supported()
                ? ThreadPlan.of(NetworkCost.trainingFlopsPerImage(net.getLayerWiseConfigurations(),
                        InputType.convolutional(SHAPE.height(), SHAPE.width(), SHAPE.channels())), o.batch(), o.threads())
                : null;
        double train;
        try (DataParallelStep step = plan != null ? new DataParallelStep(net, plan) : null) {
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

        String backend = NativeBuild.backendDescription() + ", conv " + convEngine(net)
                + (plan == null ? "" : plan.replicas() > 1 ? ", batch split over " + plan.replicas() + " threads"
                        : ", 1 thread (step too small to split)");
        return new BenchResult(o.model(), o.batch(), o.threads(), backend, train, inference, Double.NaN);
    }

    private static void fit(MultiLayerNetwork net, DataParallelStep step, DataSet ds) {
        if (step == null) net.fit(ds);
        else step.fit(ds);
    }

    /**
     * The whole input pipeline of the study's recipe, images/s on the calling thread: weighted sampler
     * (inverse class frequency), the four augmentations at p = 0.3, batch assembly; on 5,000 generated images.
     */
    public static double pipeline(int batch, int numClasses, long seed) {
        ImageSplit data = RandomImages.split(SHAPE, 5_000, numClasses, seed);
        double[] weights = ClassWeights.inverseFrequency(data.classCounts(numClasses));
        WeightedRandomSampler sampler = new WeightedRandomSampler(data.labels(), weights, data.size());
        Augmenter augmenter = new Augmenter(AugmentConfig.study(), SHAPE);
        // the JIT needs ~100,000 images to settle here (the first 20,000 ran at 2/3 of the final speed); a run
        // pushes that many through its first epochs, so this is the figure that lasts
        PipelineBenchmark.run(data, numClasses, batch, sampler::sample, augmenter::apply, 100_000, seed);
        return PipelineBenchmark.run(data, numClasses, batch, sampler::sample, augmenter::apply, 60_000, seed);
    }

    /** Batch assembly alone (uniform sampling, no augmentation), images/s on the calling thread. */
    public static double assembly(int batch, int numClasses, long seed) {
        ImageSplit data = RandomImages.split(SHAPE, 5_000, numClasses, seed);
        PipelineBenchmark.run(data, numClasses, batch, PipelineBenchmark.uniform(data.size()), PipelineBenchmark.identity(), 60_000, seed);
        return PipelineBenchmark.run(data, numClasses, batch, PipelineBenchmark.uniform(data.size()), PipelineBenchmark.identity(), 30_000, seed);
    }

    /** The engine of each convolution layer, e.g. "java_gemm+onednn". */
    private static String convEngine(MultiLayerNetwork net) {
        java.util.List<String> engines = new java.util.ArrayList<>();
        for (org.deeplearning4j.nn.api.Layer l : net.getLayers()) {
            if (l instanceof io.counterweight.core.model.fast.FastConvolution f) {
                engines.add(f.engine().name().toLowerCase(java.util.Locale.ROOT) + (f.directWeightGradient() ? "(simd dW)" : ""));
            }
            else if (l instanceof org.deeplearning4j.nn.layers.convolution.ConvolutionLayer) engines.add("dl4j");
        }
        return engines.isEmpty() ? "none" : String.join("+", engines);
    }

    public static CpuTimes lastTrainCpu() {
        return lastTrainCpu;
    }
}
