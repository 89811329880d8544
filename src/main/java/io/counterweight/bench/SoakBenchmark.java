package io.counterweight.bench;

import io.counterweight.core.Progress;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.ExperimentRunner;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingListener;
import io.counterweight.core.train.TrainingTuning;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Many short runs in one process, as a long session in the window or a grid from the command line
 * makes them: the data loaded once, then run after run, each with a new network, input pipeline and
 * run folder. After each run it records the heap in use after a full GC, JavaCPP's off-heap bytes
 * (ND4J's arrays and workspaces) and the resident set, so growth from run to run shows.
 */
public final class SoakBenchmark {
    private SoakBenchmark() {}

    /** One run's memory afterwards. */
    public record Sample(int run, double seconds, long heapBytes, long offHeapBytes, long rssBytes) {}

    /** {@code runs} runs of {@code config} (alternately without and with its remedies, as a comparison grid does). */
    public static List<Sample> run(ExperimentConfig config, int runs, Path outDir, TrainingTuning tuning) {
        Dataset data = ExperimentRunner.load(config, Progress.NONE);
        List<Sample> samples = new ArrayList<>();
        for (int r = 1; r <= runs; r++) {
            ExperimentConfig c = r % 2 == 1 ? config.asBaseline() : config.asImproved();
            long start = System.nanoTime();
            ExperimentRunner.train(data, c, outDir, TrainingListener.NONE, new TrainingControl(), tuning);
            double seconds = (System.nanoTime() - start) / 1e9;
            samples.add(new Sample(r, seconds, MemoryProbe.heapUsedAfterGc(), MemoryProbe.offHeap(), MemoryProbe.rss()));
        }
        return samples;
    }
}
