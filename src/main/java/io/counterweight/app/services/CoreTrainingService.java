package io.counterweight.app.services;

import io.counterweight.core.data.Dataset;
import io.counterweight.core.data.ImageSplit;
import io.counterweight.core.experiment.Comparison;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.ExperimentRunner;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.experiment.RunStore;
import io.counterweight.core.experiment.Workspace;
import io.counterweight.core.train.NativeThreads;
import io.counterweight.core.train.BackendInfo;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingListener;
import io.counterweight.core.train.TrainingTuning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@link TrainingService} over core.experiment: run folders go to the window's {@link WorkspaceFolder},
 * as it is when a run starts.
 */
public final class CoreTrainingService implements TrainingService {
    /** The warm-up's images: enough batches for the JIT, about two seconds of the study CNN on two cores. */
    static final int WARM_UP_TRAIN = 1024;
    static final int WARM_UP_TEST = 256;

    private final WorkspaceFolder workspace;

    public CoreTrainingService(Path runsDir) {
        this(new WorkspaceFolder(runsDir));
    }

    public CoreTrainingService(WorkspaceFolder workspace) {
        this.workspace = workspace;
    }

    @Override
    public RunResult train(Dataset selected, ExperimentConfig config, TrainingListener listener, TrainingControl control) {
        Path runsDir = new Workspace(workspace.get()).ensureWritable().dir(); // a read-only or full disk: said before training
        return ExperimentRunner.train(selected, config, runsDir, listener, control, windowTuning());
    }

    @Override
    public void warmUp(Dataset selected, ExperimentConfig config, TrainingControl control) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("counterweight-warmup");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            ExperimentConfig oneEpoch = config.toBuilder().epochs(1).warmup(0).deferEpoch(0).label("warm-up").build();
            Dataset sample = selected.withSplits(perClass(selected.train(), selected.numClasses(), WARM_UP_TRAIN),
                    perClass(selected.test(), selected.numClasses(), WARM_UP_TEST));
            ExperimentRunner.train(sample, oneEpoch, scratch, e -> { }, control, windowTuning());
        } finally {
            deleteQuietly(scratch);
        }
    }

    /**
     * At most {@code total / classes} images of each class, the first ones: a few seconds of training on
     * any data set (60,000 images would take a minute), with every class kept (the sampler weighs each).
     */
    static ImageSplit perClass(ImageSplit split, int classes, int total) {
        int cap = Math.max(1, total / Math.max(1, classes));
        int[] taken = new int[classes];
        int[] chosen = new int[split.size()];
        int n = 0;
        for (int i = 0; i < split.size(); i++) {
            if (taken[split.label(i)]++ < cap) chosen[n++] = i;
        }
        return split.select(Arrays.copyOf(chosen, n));
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete()); // deepest first
        } catch (IOException | UncheckedIOException e) {
            // a scratch folder left in the temp directory is harmless
        }
    }

    /**
     * The window's speed settings. On a small machine the UI and the input pipeline need a core, and
     * javafx:run cannot set OMP_WAIT_POLICY=PASSIVE: 2 spinning OpenMP threads there train slower than 1
     * (docs/performance.md). For the same reason batches are not split over replicas there
     * (TrainingTuning.computeThreads).
     */
    static TrainingTuning windowTuning() {
        TrainingTuning tuning = TrainingTuning.defaults();
        if (Runtime.getRuntime().availableProcessors() <= 2) {
            NativeThreads.apply(1);
            tuning = tuning.withComputeThreads(1);
        }
        return tuning;
    }

    @Override
    public RunResult open(Path runFolder) {
        return RunStore.open(runFolder);
    }

    @Override
    public List<Comparison.Row> compare(RunResult baseline, RunResult improved) {
        return Comparison.of(baseline, improved).rows();
    }

    @Override
    public String backendSummary() {
        BackendInfo b = BackendInfo.current();
        return b.backend() + " · " + b.device();
    }
}
