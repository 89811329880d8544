package io.counterweight.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import io.counterweight.core.train.NativeThreads;
import io.counterweight.core.data.ImageSplit;
import io.counterweight.core.train.BatchAssembler;
import io.counterweight.core.metrics.ConfusionMatrix;

/**
 * Cost linearity: images/s of a full training step (sample from N images, assemble, fit, predict the
 * batch, update a C×C confusion matrix) for several data-set sizes N and class counts C. Flat figures
 * mean no per-batch cost grows with N or C² (e.g. a sampler that rebuilds its tables per batch, or a
 * confusion matrix re-summed per update).
 */
public final class ScalingSweep {
    public record Point(int images, int classes, double imagesPerSecond, long splitHeapBytes) {}

    private ScalingSweep() {}

    public static List<Point> run(BenchOptions base, int[] sizes, int[] classCounts, int batches) {
        NativeThreads.apply(base.threads());
        List<Point> points = new ArrayList<>();
        for (int classes : classCounts) {
            for (int n : sizes) {
                long before = MemoryProbe.heapUsedAfterGc();
                ImageSplit data = RandomImages.split(TrainingBenchmark.SHAPE, n, classes, base.seed());
                long heap = MemoryProbe.heapUsedAfterGc() - before;
                MultiLayerNetwork net = BenchNetworks.build(base.model(), classes, base);
                steps(net, data, classes, base.batch(), 5, base.seed());          // warm-up
                long t0 = System.nanoTime();
                int done = steps(net, data, classes, base.batch(), batches, base.seed() + 1);
                points.add(new Point(n, classes, done / ((System.nanoTime() - t0) / 1e9), heap));
            }
        }
        return points;
    }

    private static int steps(MultiLayerNetwork net, ImageSplit data, int classes, int batch, int batches, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        BatchAssembler assembler = new BatchAssembler();
        ConfusionMatrix cm = new ConfusionMatrix(classes);
        int[] epoch = PipelineBenchmark.uniform(data.size()).sample(rng); // one epoch of indices, O(N) once
        int[] indices = new int[batch];
        int[] labels = new int[batch];
        int cursor = 0, done = 0;
        for (int b = 0; b < batches; b++) {
            for (int i = 0; i < batch; i++) {
                if (cursor == epoch.length) { epoch = PipelineBenchmark.uniform(data.size()).sample(rng); cursor = 0; }
                int k = epoch[cursor++];
                indices[i] = k;
                labels[i] = data.label(k);
            }
            DataSet ds = assembler.assemble(data, classes, indices);
            net.fit(ds);
            INDArray predicted = net.output(ds.getFeatures(), false).argMax(1);
            int[] p = predicted.toIntVector();
            cm.addAll(labels, p);
            done += batch;
        }
        if (cm.total() != done) throw new IllegalStateException("confusion matrix lost updates");
        return done;
    }
}
