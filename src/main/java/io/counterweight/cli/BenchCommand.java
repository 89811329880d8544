package io.counterweight.cli;

import java.util.Locale;
import java.util.concurrent.Callable;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;

import io.counterweight.core.perf.BenchOptions;
import io.counterweight.core.perf.BenchResult;
import io.counterweight.core.perf.CpuTimes;
import io.counterweight.core.perf.TrainingBenchmark;
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
    @Option(names = "--threads", defaultValue = "0", description = "native threads; 0 = all cores (default)")
    int threads;
    @Option(names = "--warmup", defaultValue = "5", description = "untimed steps first (default: ${DEFAULT-VALUE})")
    int warmup;
    @Option(names = "--iterations", defaultValue = "30", description = "timed steps (default: ${DEFAULT-VALUE})")
    int iterations;
    @Option(names = "--json", description = "print one JSON object")
    boolean json;
    @Option(names = "--format", defaultValue = "NCHW", description = "NCHW | NHWC (DL4J's own convolution for NHWC)")
    String format;
    @Option(names = "--workspaces", defaultValue = "ENABLED", description = "ENABLED | NONE")
    String workspaces;
    @Option(names = "--standard-conv", description = "use DL4J's ConvolutionLayer instead of the fast one")
    boolean standardConv;

    @Override
    public Integer call() {
        if (!model.equals("study") && !model.equals("lenet")) throw new CommandLine.ParameterException(new CommandLine(this), "--model must be study or lenet: " + model);
        if (batch < 1 || batch > 4096) throw new CommandLine.ParameterException(new CommandLine(this), "--batch must be in 1..4096: " + batch);
        if (threads < 0 || threads > 256) throw new CommandLine.ParameterException(new CommandLine(this), "--threads must be in 0..256: " + threads);
        if (warmup < 0 || iterations < 1) throw new CommandLine.ParameterException(new CommandLine(this), "--warmup must be >= 0 and --iterations >= 1");
        int t = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        BenchOptions o = new BenchOptions(model, batch, t, warmup, iterations, CNN2DFormat.valueOf(format.toUpperCase(Locale.ROOT)),
                WorkspaceMode.valueOf(workspaces.toUpperCase(Locale.ROOT)), !standardConv, 42L);
        BenchResult r = TrainingBenchmark.run(o);
        CpuTimes cpu = TrainingBenchmark.lastTrainCpu();
        r = r.withPipeline(TrainingBenchmark.pipeline(batch, 50, 7L));
        if (json) {
            System.out.println(String.format(Locale.ROOT,
                    "{\"model\":\"%s\",\"batch\":%d,\"threads\":%d,\"backend\":\"%s\",\"train_images_per_second\":%.1f,"
                            + "\"inference_images_per_second\":%.1f,\"pipeline_images_per_second\":%.1f,"
                            + "\"train_user_cpu_seconds\":%.2f,\"train_sys_cpu_seconds\":%.2f,\"train_images_per_cpu_second\":%.1f}",
                    r.model(), r.batch(), r.threads(), r.backend().replace("\"", "'"), r.trainImagesPerSecond(),
                    r.inferenceImagesPerSecond(), r.pipelineImagesPerSecond(), cpu.userSeconds(), cpu.systemSeconds(),
                    batch * (double) iterations / Math.max(0.01, cpu.userSeconds() + cpu.systemSeconds())));
        } else {
            System.out.printf(Locale.ROOT, "model %s, batch %d, threads %d, backend %s%n", r.model(), r.batch(), r.threads(), r.backend());
            System.out.printf(Locale.ROOT, "  train      %10.1f images/s  (cpu user %.2f s, sys %.2f s)%n", r.trainImagesPerSecond(), cpu.userSeconds(), cpu.systemSeconds());
            System.out.printf(Locale.ROOT, "  inference  %10.1f images/s%n", r.inferenceImagesPerSecond());
            System.out.printf(Locale.ROOT, "  pipeline   %10.1f images/s  (batch assembly, uniform sampling)%n", r.pipelineImagesPerSecond());
        }
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }
}
