package io.counterweight.bench;

import java.util.SplittableRandom;

import io.counterweight.core.data.ImageSplit;
import io.counterweight.core.train.BatchAssembler;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Images per second of the input pipeline alone: sample indices, transform each drawn image, assemble
 * batches. The sampler and transform are plugged in (e.g. {@code sampler::sample}, {@code augmenter::apply})
 * so this class does not depend on their implementations; {@link #uniform} and {@link #identity} measure
 * batch assembly alone.
 */
public final class PipelineBenchmark {
    /** Draws one epoch of indices (same shape as WeightedRandomSampler.sample). */
    @FunctionalInterface
    public interface IndexSampler { int[] sample(SplittableRandom rng); }

    /** Returns a transformed copy of a CHW uint8 image (same shape as Augmenter.apply). */
    @FunctionalInterface
    public interface ImageTransform { byte[] apply(byte[] chw, SplittableRandom rng); }

    private PipelineBenchmark() {}

    public static IndexSampler uniform(int n) {
        return rng -> {
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) idx[i] = rng.nextInt(n);
            return idx;
        };
    }

    public static ImageTransform identity() {
        return (chw, rng) -> chw;
    }

    /** Runs whole epochs until at least {@code minImages} images went through; returns images/s. */
    public static double run(ImageSplit data, int numClasses, int batch, IndexSampler sampler,
                             ImageTransform transform, long minImages, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        BatchAssembler assembler = new BatchAssembler();
        long done = 0;
        long sink = 0;
        long t0 = System.nanoTime();
        while (done < minImages) {
            int[] order = sampler.sample(rng);
            for (int start = 0; start + batch <= order.length && done < minImages; start += batch) {
                DataSet ds = assembler.assemble(data, numClasses, order, start, start + batch, transform::apply, rng);
                sink += ds.getFeatures().length();
                BatchAssembler.release(ds); // as the trainer does once a batch is trained on
                done += batch;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (sink == 0) throw new IllegalStateException("empty pipeline");
        return done / seconds;
    }
}
