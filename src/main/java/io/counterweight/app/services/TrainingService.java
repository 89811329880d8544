package io.counterweight.app.services;

import io.counterweight.core.data.Dataset;
import io.counterweight.core.experiment.Comparison;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingListener;
import java.nio.file.Path;
import java.util.List;

/** Training runs, run folders and the compute backend (core.train, core.experiment). */
public interface TrainingService {
    /**
     * Trains on an already selected data set, blocking the calling (worker) thread, and writes a run
     * folder. Events arrive on the calling thread; {@code control} stops or pauses between batches.
     */
    RunResult train(Dataset selected, ExperimentConfig config, TrainingListener listener, TrainingControl control);

    /**
     * One throw-away epoch of {@code config} on {@code selected}, for the JIT to compile the training path
     * before the first real run; writes only a temporary folder, deleted at the end. Stops when
     * {@code control} is cancelled.
     */
    void warmUp(Dataset selected, ExperimentConfig config, TrainingControl control);

    /** Reads a run folder written earlier. */
    RunResult open(Path runFolder);

    /**
     * The study's table of a baseline against an improved run: one row a metric, with both values and
     * the change, by the same rules (and n/a cases) as the CLI's {@code compare}.
     */
    List<Comparison.Row> compare(RunResult baseline, RunResult improved);

    /** e.g. "nd4j-native · CPU (2 cores)"; may take seconds the first time (ND4J starts up). */
    String backendSummary();
}
