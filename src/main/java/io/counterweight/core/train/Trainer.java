package io.counterweight.core.train;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.data.ImageSplit;
import io.counterweight.core.metrics.ClassificationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The epoch loop: for each epoch, draws the order ({@link EpochOrder}), feeds the batches from an
 * {@link InputPipeline} (images passed through the {@link BatchTransform}) to {@code net.fit}, then
 * evaluates on the test split and reports an {@link TrainingEvent.EpochDone}.
 *
 * <p>Between steps it honours {@link TrainingControl}: a cancel stops before the next step (no
 * evaluation of the partial epoch) and ends with {@code Finished(cancelled = true)}; a pause blocks.
 * A NaN or infinite loss stops the run with a {@link CounterweightException}; epochs already reported
 * stay reported (no {@code Finished} event follows an exception).
 */
public final class Trainer {
    /**
     * @param pipelineThreads input-pipeline worker threads (see {@link InputPipeline#defaultThreads()})
     * @param prefetch        batches assembled ahead of training
     * @param computeThreads  threads per batch at most: how many are used, and whether the batch is split over
     *                        replicas of the network ({@link DataParallelStep}), follows {@link ThreadPlan}
     */
    public record Options(String label, int epochs, int batchSize, long seed, int pipelineThreads, int prefetch,
                          int computeThreads) {
        public Options {
            if (epochs < 1 || batchSize < 1) throw new IllegalArgumentException("epochs and batch size must be at least 1");
            if (computeThreads < 1) throw new IllegalArgumentException("compute threads must be at least 1");
        }

        public Options(String label, int epochs, int batchSize, long seed) {
            this(label, epochs, batchSize, seed, InputPipeline.defaultThreads(), InputPipeline.DEFAULT_PREFETCH, 1);
        }

        /** The step's threads for a network of {@code trainingFlopsPerImage} (see {@link NetworkCost}). */
        public ThreadPlan threadPlan(double trainingFlopsPerImage) {
            return ThreadPlan.of(trainingFlopsPerImage, batchSize, computeThreads);
        }
    }

    /** How a run ended: {@code epochsDone} counts every completed epoch, {@code epochs} holds those trained by this call. */
    public record Outcome(int epochsDone, boolean cancelled, List<TrainingEvent.EpochDone> epochs) { }

    private final MultiLayerNetwork net;
    private final ImageSplit train;
    private final ImageSplit test;
    private final List<String> classNames;
    private final Options options;
    private final EpochOrder epochOrder;
    private final BatchTransform transform;
    private final BatchMix mix;
    private final EpochSetup epochSetup;
    private ThreadPlan planOverride; // tests: force a split of networks too small for the rule

    public Trainer(MultiLayerNetwork net, ImageSplit train, ImageSplit test, List<String> classNames,
                   Options options, EpochOrder epochOrder, BatchTransform transform) {
        this(net, train, test, classNames, options, epochOrder, transform, BatchMix.NONE, EpochSetup.NONE);
    }

    /**
     * @param mix        mixes each assembled batch (mixup), with a stream of its own per (seed, epoch, batch)
     * @param epochSetup sets the learning rate and loss at each epoch's start
     */
    public Trainer(MultiLayerNetwork net, ImageSplit train, ImageSplit test, List<String> classNames,
                   Options options, EpochOrder epochOrder, BatchTransform transform, BatchMix mix, EpochSetup epochSetup) {
        this.mix = Objects.requireNonNull(mix);
        this.epochSetup = Objects.requireNonNull(epochSetup);
        this.net = Objects.requireNonNull(net);
        this.train = Objects.requireNonNull(train);
        this.test = Objects.requireNonNull(test);
        this.classNames = List.copyOf(classNames);
        this.options = Objects.requireNonNull(options);
        this.epochOrder = Objects.requireNonNull(epochOrder);
        this.transform = Objects.requireNonNull(transform);
    }

    /** Uses {@code plan} instead of the one {@link Options#threadPlan} picks (tests). */
    Trainer withThreadPlan(ThreadPlan plan) {
        this.planOverride = plan;
        return this;
    }

    /** Trains on the calling thread; events go to {@code listener} on this thread. */
    public Outcome run(TrainingListener listener, TrainingControl control) {
        return runFrom(1, listener, control);
    }

    /**
     * Continues a run whose network already trained the epochs before {@code firstEpoch} (restored from its
     * checkpoint). Each epoch's order and augmentation depend only on (seed, epoch) ({@link StreamSeeds}), so
     * the epochs trained here are those an uninterrupted run would have trained.
     */
    public Outcome runFrom(int firstEpoch, TrainingListener listener, TrainingControl control) {
        if (firstEpoch < 1 || firstEpoch > options.epochs()) {
            throw new IllegalArgumentException("first epoch must be in 1.." + options.epochs() + ", got " + firstEpoch);
        }
        ThreadPlan plan = planOverride != null ? planOverride
                : ThreadPlan.forStep(net, train.shape(), options.batchSize(), options.computeThreads());
        // computeThreads 1 leaves the process's native thread settings alone (the workbench sets them itself)
        boolean planned = (planOverride != null || options.computeThreads() > 1) && DataParallelStep.supported();
        try (InputPipeline pipeline = new InputPipeline(options.pipelineThreads(), options.prefetch());
             TrainingStep step = planned ? new DataParallelStep(net, plan) : TrainingStep.single(net)) {
            return new Loop(pipeline, step, listener, control).run(firstEpoch);
        }
    }

    /** The state of one run of the epoch loop. */
    private final class Loop {
        private final InputPipeline pipeline;
        private final TrainingStep step;
        private final TrainingListener listener;
        private final TrainingControl control;
        private final int numClasses = classNames.size();
        private final List<TrainingEvent.EpochDone> history = new ArrayList<>();
        private long iteration;
        private int epochsBefore; // trained before this call (a resumed run)

        /** What the training half of an epoch measured. */
        private record EpochTraining(double meanLoss, int images, double seconds) { }

        Loop(InputPipeline pipeline, TrainingStep step, TrainingListener listener, TrainingControl control) {
            this.pipeline = pipeline;
            this.step = step;
            this.listener = listener;
            this.control = control;
        }

        Outcome run(int firstEpoch) {
            BackendInfo backend = BackendInfo.current();
            int[] order = orderOf(firstEpoch);
            int batchesPerEpoch = (order.length + options.batchSize() - 1) / options.batchSize();
            listener.onEvent(new TrainingEvent.Started(options.label(), backend.backend(), backend.device(),
                    options.epochs(), batchesPerEpoch, order.length, test.size(), classNames));
            EtaEstimator eta = new EtaEstimator(options.epochs(), order.length);
            epochsBefore = firstEpoch - 1;
            iteration = (long) epochsBefore * batchesPerEpoch;
            for (int epoch = firstEpoch; epoch <= options.epochs(); epoch++) {
                if (epoch > firstEpoch) order = orderOf(epoch);
                epochSetup.beforeEpoch(epoch, step.networks());
                EpochTraining trained = trainEpoch(epoch, order, batchesPerEpoch, eta);
                if (trained == null || stopRequested(control)) return finish(true);
                long evalStart = System.nanoTime();
                Evaluation eval = Evaluation.of(net, test, numClasses, pipeline,
                        Evaluation.batchSizeFor(options.batchSize(), train.shape().size()));
                double evalSeconds = (System.nanoTime() - evalStart) / 1e9;
                eta.evaluationTook(evalSeconds);
                ClassificationReport report = ClassificationReport.of(eval.confusion(), classNames, train.classCounts(numClasses));
                TrainingEvent.EpochDone done = new TrainingEvent.EpochDone(epoch, options.epochs(), trained.meanLoss(),
                        eval.loss(), report, eval.confusion(), drawsPerClass(order, numClasses),
                        trained.images() / trained.seconds(), trained.seconds() + evalSeconds, eval.predictions());
                history.add(done);
                listener.onEvent(done);
            }
            return finish(false);
        }

        /** Trains one epoch's batches; null when a stop was asked for before it ended. */
        private EpochTraining trainEpoch(int epoch, int[] order, int batchesPerEpoch, EtaEstimator eta) {
            long start = System.nanoTime();
            long pausedNanos = 0;
            eta.restart(start);
            double lossSum = 0;
            int seen = 0;
            int b = 0;
            try (InputPipeline.Batches batches = pipeline.batches(train, numClasses, order, options.batchSize(), transform,
                    StreamSeeds.of(options.seed(), StreamSeeds.AUGMENT, epoch), mix,
                    StreamSeeds.of(options.seed(), StreamSeeds.MIXUP, epoch))) {
                while (batches.hasNext()) {
                    long waited = awaitResume(control);
                    if (waited > 0) eta.restart(System.nanoTime());
                    pausedNanos += waited;
                    if (stopRequested(control)) return null;
                    DataSet data = batches.next();
                    int size = data.numExamples();
                    double loss;
                    try {
                        loss = step.fit(data);
                    } finally {
                        BatchAssembler.release(data);
                    }
                    b++;
                    iteration++;
                    if (!Double.isFinite(loss)) {
                        throw new CounterweightException("training diverged: loss is " + loss + " at epoch " + epoch
                                + " batch " + b + "; lower --lr");
                    }
                    lossSum += loss * size;
                    seen += size;
                    eta.stepDone(System.nanoTime(), size);
                    listener.onEvent(new TrainingEvent.BatchDone(epoch, b, batchesPerEpoch, iteration, loss,
                            eta.imagesPerSecond(), eta.secondsLeft(epoch, seen)));
                }
            } catch (CancellationException e) {
                return null;
            }
            return new EpochTraining(lossSum / seen, seen, (System.nanoTime() - start - pausedNanos) / 1e9);
        }

        private Outcome finish(boolean cancelled) {
            listener.onEvent(new TrainingEvent.Finished(cancelled, epochsBefore + history.size()));
            return new Outcome(epochsBefore + history.size(), cancelled, List.copyOf(history));
        }
    }

    private int[] orderOf(int epoch) {
        int[] order = epochOrder.indices(epoch, new SplittableRandom(StreamSeeds.of(options.seed(), StreamSeeds.ORDER, epoch)));
        if (order.length == 0) throw new CounterweightException("the training split is empty: nothing to train on");
        return order;
    }

    private int[] drawsPerClass(int[] order, int k) {
        int[] draws = new int[k];
        for (int index : order) draws[train.label(index)]++;
        return draws;
    }

    /** Blocks while paused; returns the nanoseconds spent waiting. */
    private static long awaitResume(TrainingControl control) {
        if (!control.isPaused()) return 0;
        long start = System.nanoTime();
        try {
            control.awaitIfPaused();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return System.nanoTime() - start;
    }

    private static boolean stopRequested(TrainingControl control) {
        return control.isCancelled() || Thread.currentThread().isInterrupted();
    }
}
