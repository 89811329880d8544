package io.counterweight.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;

import io.counterweight.core.CounterweightException;
import io.counterweight.bench.BenchOptions;
import io.counterweight.bench.BenchResult;
import io.counterweight.bench.CpuTimes;
import io.counterweight.bench.MemoryProbe;
import io.counterweight.bench.ScalingSweep;
import io.counterweight.bench.SoakBenchmark;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.train.TrainingTuning;
import io.counterweight.bench.TrainingBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code counterweight bench}: images/s for training, inference and the input pipeline on this backend. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training, inference and input-pipeline throughput (images/s) on the current backend.")
public class BenchCommand implements Callable<Integer> {
    @Option(names = "--model", defaultValue = "study", description = "study | lenet (default: ${DEFAULT-VALUE})")
    String model;
    @Option(names = "--batch", defaultValue = "32", description = "batch size (default: ${DEFAULT-VALUE})")
    int batch;
    @Option(names = "--threads", defaultValue = "0", description = "threads; 0 = all cores (default). Above 1, each batch is split over replicas when every thread gets enough work (>= 400 MFLOP of the step), else the step runs on one thread; the backend line says which (see --no-split)")
    int threads;
    @Option(names = "--warmup-images", defaultValue = "6400", description = "images trained untimed first, so the figure is the steady state (default: ${DEFAULT-VALUE})")
    int warmupImages;
    @Option(names = "--images", defaultValue = "6400", description = "images timed (default: ${DEFAULT-VALUE})")
    int timedImages;
    @Option(names = "--warmup", description = "untimed steps first (overrides --warmup-images)")
    Integer warmup;
    @Option(names = "--iterations", description = "timed steps (overrides --images)")
    Integer iterations;
    @Option(names = "--json", description = "print one JSON object")
    boolean json;
    @Option(names = "--format", defaultValue = "NCHW", description = "NCHW | NHWC (DL4J's own convolution for NHWC)")
    String format;
    @Option(names = "--workspaces", defaultValue = "ENABLED", description = "ENABLED | NONE")
    String workspaces;
    @Option(names = "--standard-conv", description = "use DL4J's ConvolutionLayer instead of the fast one")
    boolean standardConv;
    @Option(names = "--first-input-gradient", description = "let the first convolution compute the unused input gradient (as DL4J does)")
    boolean firstInputGradient;
    @Option(names = "--no-split", description = "with --threads > 1, leave the threads to ND4J's native ops instead of splitting each batch over replicas")
    private boolean noSplit;

    @Option(names = "--sweep", description = "cost linearity: images/s for 1,000..50,000 images x 10..100 classes, and heap per data set")
    boolean sweep;

    @Option(names = "--soak", paramLabel = "N", description = "N short demo runs in this process (baseline and improved in turn, 1 epoch each, "
            + "--model and --batch apply); heap after GC, off-heap and resident memory after each run")
    Integer soak;

    @Option(names = "--soak-out", paramLabel = "DIR", description = "where the soak's run folders go (default: a temporary folder, deleted after)")
    java.nio.file.Path soakOut;

    @Override
    public Integer call() {
        if (!model.equals("study") && !model.equals("lenet")) throw new CounterweightException("--model must be study or lenet: " + model);
        if (batch < 1 || batch > 4096) throw new CounterweightException("--batch must be in 1..4096: " + batch);
        if (threads < 0 || threads > 256) throw new CounterweightException("--threads must be in 0..256: " + threads);
        if (warmupImages < 0 || timedImages < 1) throw new CounterweightException("--warmup-images must be >= 0 and --images >= 1");
        int warmupSteps = warmup != null ? warmup : BenchOptions.steps(warmupImages, batch);
        if (warmupImages == 0 && warmup == null) warmupSteps = 0;
        int timedSteps = iterations != null ? iterations : BenchOptions.steps(timedImages, batch);
        if (warmupSteps < 0 || timedSteps < 1) throw new CounterweightException("--warmup must be >= 0 and --iterations >= 1");
        int t = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        BenchOptions o = new BenchOptions(model, batch, t, warmupSteps, timedSteps, CNN2DFormat.valueOf(format.toUpperCase(Locale.ROOT)),
                WorkspaceMode.valueOf(workspaces.toUpperCase(Locale.ROOT)), !standardConv, firstInputGradient, 42L, !noSplit);
        if (sweep) return runSweep(o);
        if (soak != null) return runSoak();
        BenchResult r = TrainingBenchmark.run(o);
        CpuTimes cpu = TrainingBenchmark.lastTrainCpu();
        r = r.withPipeline(TrainingBenchmark.pipeline(batch, 50, 7L));
        double assembly = TrainingBenchmark.assembly(batch, 50, 7L);
        if (json) {
            System.out.println(String.format(Locale.ROOT,
                    "{\"model\":\"%s\",\"batch\":%d,\"threads\":%d,\"backend\":\"%s\",\"train_images_per_second\":%.1f,"
                            + "\"inference_images_per_second\":%.1f,\"pipeline_images_per_second\":%.1f,\"assembly_images_per_second\":%.1f,"
                            + "\"train_user_cpu_seconds\":%.2f,\"train_sys_cpu_seconds\":%.2f,\"train_images_per_cpu_second\":%.1f}",
                    r.model(), r.batch(), r.threads(), r.backend().replace("\"", "'"), r.trainImagesPerSecond(),
                    r.inferenceImagesPerSecond(), r.pipelineImagesPerSecond(), assembly, cpu.userSeconds(), cpu.systemSeconds(),
                    batch * (double) timedSteps / Math.max(0.01, cpu.userSeconds() + cpu.systemSeconds())));
        } else {
            System.out.printf(Locale.ROOT, "model %s, batch %d, threads %d, backend %s%n", r.model(), r.batch(), r.threads(), r.backend());
            System.out.printf(Locale.ROOT, "  train      %10.1f images/s  (cpu user %.2f s, sys %.2f s)%n", r.trainImagesPerSecond(), cpu.userSeconds(), cpu.systemSeconds());
            System.out.printf(Locale.ROOT, "  inference  %10.1f images/s%n", r.inferenceImagesPerSecond());
            System.out.printf(Locale.ROOT, "  pipeline   %10.1f images/s  (one thread: weighted sampler + 4 augmentations at p = 0.3 + batch assembly; %.1fx training)%n",
                    r.pipelineImagesPerSecond(), r.pipelineImagesPerSecond() / r.trainImagesPerSecond());
            System.out.printf(Locale.ROOT, "  assembly   %10.1f images/s  (batch assembly alone)%n", assembly);
        }
        return 0;
    }

    private int runSweep(BenchOptions o) {
        List<ScalingSweep.Point> points = ScalingSweep.run(o, new int[] {1_000, 10_000, 50_000}, new int[] {10, 50, 100}, o.iterations());
        if (json) {
            System.out.println(points.stream().map(p -> String.format(Locale.ROOT,
                    "{\"images\":%d,\"classes\":%d,\"train_images_per_second\":%.1f,\"split_heap_bytes\":%d}",
                    p.images(), p.classes(), p.imagesPerSecond(), p.splitHeapBytes())).collect(Collectors.joining(",", "[", "]")));
        } else {
            System.out.printf(Locale.ROOT, "model %s, batch %d, threads %d: sample + assemble + fit + predict + confusion update%n", model, batch, o.threads());
            System.out.printf(Locale.ROOT, "%8s %8s %12s %14s%n", "images", "classes", "images/s", "split heap MB");
            for (ScalingSweep.Point p : points) {
                System.out.printf(Locale.ROOT, "%8d %8d %12.1f %14.1f%n", p.images(), p.classes(), p.imagesPerSecond(), p.splitHeapBytes() / 1e6);
            }
            System.out.printf(Locale.ROOT, "peak resident set of this process %.0f MB%n", MemoryProbe.peakRss() / 1e6);
        }
        return 0;
    }

    private int runSoak() {
        if (soak < 2 || soak > 1000) throw new CounterweightException("--soak must be in 2..1000, got " + soak);
        ExperimentConfig cfg = ExperimentConfig.fastDemo().toBuilder().model(model).batch(batch).epochs(1).build();
        java.nio.file.Path out;
        try {
            out = soakOut != null ? soakOut : java.nio.file.Files.createTempDirectory("counterweight-soak");
        } catch (java.io.IOException e) {
            throw new CounterweightException("cannot create a folder for the soak's runs (" + e.getMessage() + ")", e);
        }
        List<SoakBenchmark.Sample> samples = SoakBenchmark.run(cfg, soak, out, TrainingTuning.defaults());
        if (soakOut == null) deleteTree(out);
        if (json) {
            System.out.println(samples.stream().map(s -> String.format(Locale.ROOT,
                    "{\"run\":%d,\"seconds\":%.2f,\"heap_bytes\":%d,\"off_heap_bytes\":%d,\"rss_bytes\":%d}",
                    s.run(), s.seconds(), s.heapBytes(), s.offHeapBytes(), s.rssBytes())).collect(Collectors.joining(",", "[", "]")));
        } else {
            System.out.printf(Locale.ROOT, "%d demo runs of %s, batch %d, 1 epoch each, one process; run folders in %s%n", soak, model, batch, out);
            System.out.printf(Locale.ROOT, "%5s %9s %12s %14s %10s%n", "run", "seconds", "heap MB", "off-heap MB", "RSS MB");
            for (SoakBenchmark.Sample s : samples) {
                System.out.printf(Locale.ROOT, "%5d %9.2f %12.1f %14.1f %10.1f%n", s.run(), s.seconds(), s.heapBytes() / 1e6,
                        s.offHeapBytes() / 1e6, s.rssBytes() / 1e6);
            }
            SoakBenchmark.Sample second = samples.get(1), last = samples.get(samples.size() - 1);
            System.out.printf(Locale.ROOT, "growth from run 2 to run %d: heap %+.1f MB, off-heap %+.1f MB, RSS %+.1f MB%n", last.run(),
                    (last.heapBytes() - second.heapBytes()) / 1e6, (last.offHeapBytes() - second.offHeapBytes()) / 1e6,
                    (last.rssBytes() - second.rssBytes()) / 1e6);
        }
        return 0;
    }

    private static void deleteTree(java.nio.file.Path dir) {
        try (var paths = java.nio.file.Files.walk(dir)) {
            for (java.nio.file.Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) java.nio.file.Files.delete(p);
        } catch (java.io.IOException e) {
            System.err.println("counterweight: note: could not delete " + dir + " (" + e.getMessage() + ")");
        }
    }

    public static void main(String[] args) {
        String[] withCommand = new String[args.length + 1];
        withCommand[0] = "bench";
        System.arraycopy(args, 0, withCommand, 1, args.length);
        Main.main(withCommand); // the same one-line errors and exit codes as bin/counterweight bench

    }
}
