package io.counterweight.core.train;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.data.ImageSplit;
import io.counterweight.core.model.NetworkCost;
import io.counterweight.core.metrics.ClassificationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import org.deeplearning4j.nn.conf.inputs.InputType;
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
    private static final int RATE_WINDOW = 20;

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

    /** How a run ended: {@code epochs} holds the report of every completed epoch. */
    public record Outcome(int epochsDone, boolean cancelled, List<TrainingEvent.EpochDone> epochs) { }

    private final MultiLayerNetwork net;
    private final ImageSplit train;
    private final ImageSplit test;
    private final List<String> classNames;
    private final Options options;
    private final EpochOrder epochOrder;
    private final BatchTransform transform;
    private ThreadPlan planOverride; // tests: force a split of networks too small for the rule

    public Trainer(MultiLayerNetwork net, ImageSplit train, ImageSplit test, List<String> classNames,
                   Options options, EpochOrder epochOrder, BatchTransform transform) {
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
        int k = classNames.size();
        int[] trainCounts = train.classCounts(k);
        int batch = options.batchSize();
        int evalBatch = Evaluation.batchSizeFor(batch, train.shape().size());
        BackendInfo backend = BackendInfo.current();
        List<TrainingEvent.EpochDone> history = new ArrayList<>();
        ThreadPlan plan = planOverride != null ? planOverride : options.threadPlan(NetworkCost.trainingFlopsPerImage(net.getLayerWiseConfigurations(),
                InputType.convolutional(train.shape().height(), train.shape().width(), train.shape().channels())));
        // computeThreads 1 leaves the process's native thread settings alone (the workbench sets them itself)
        boolean planned = (planOverride != null || options.computeThreads() > 1) && DataParallelStep.supported();
        try (InputPipeline pipeline = new InputPipeline(options.pipelineThreads(), options.prefetch());
             DataParallelStep split = planned ? new DataParallelStep(net, plan) : null) {
            int[] order = orderOf(1);
            int batchesPerEpoch = (order.length + batch - 1) / batch;
            listener.onEvent(new TrainingEvent.Started(options.label(), backend.backend(), backend.device(),
                    options.epochs(), batchesPerEpoch, order.length, test.size(), classNames));
            MovingRate rate = new MovingRate(RATE_WINDOW);
            long iteration = 0;
            double evalSeconds = 0;
            for (int epoch = 1; epoch <= options.epochs(); epoch++) {
                if (epoch > 1) order = orderOf(epoch);
                long epochStart = System.nanoTime();
                long pausedNanos = 0;
                rate.restart(epochStart);
                double lossSum = 0;
                int seen = 0;
                int b = 0;
                try (InputPipeline.Batches batches = pipeline.batches(train, k, order, batch, transform,
                        StreamSeeds.of(options.seed(), StreamSeeds.AUGMENT, epoch))) {
                    while (batches.hasNext()) {
                        long waited = awaitResume(control);
                        if (waited > 0) rate.restart(System.nanoTime());
                        pausedNanos += waited;
                        if (stopRequested(control)) return finish(listener, true, history);
                        DataSet data = batches.next();
                        double loss;
                        if (split != null) {
                            loss = split.fit(data); // the replicas train on copies of the batch's rows
                        } else {
                            net.fit(data);
                            loss = net.score();
                            net.setInput(null); // the network keeps its last input: drop it before freeing it
                            net.setLabels(null);
                        }
                        int size = data.numExamples();
                        BatchAssembler.release(data);
                        b++;
                        iteration++;
                        if (!Double.isFinite(loss)) {
                            throw new CounterweightException("training diverged: loss is " + loss + " at epoch " + epoch
                                    + " batch " + b + "; lower --lr");
                        }
                        lossSum += loss * size;
                        seen += size;
                        rate.record(System.nanoTime(), size);
                        double perSecond = rate.perSecond();
                        long imagesLeft = (order.length - seen) + (long) (options.epochs() - epoch) * order.length;
                        double eta = imagesLeft / perSecond + (options.epochs() - epoch + 1) * evalSeconds;
                        listener.onEvent(new TrainingEvent.BatchDone(epoch, b, batchesPerEpoch, iteration, loss, perSecond, eta));
                    }
                } catch (CancellationException e) {
                    return finish(listener, true, history);
                }
                double trainSeconds = (System.nanoTime() - epochStart - pausedNanos) / 1e9;
                if (stopRequested(control)) return finish(listener, true, history);
                long evalStart = System.nanoTime();
                Evaluation eval = Evaluation.of(net, test, k, pipeline, evalBatch);
                evalSeconds = (System.nanoTime() - evalStart) / 1e9;
                ClassificationReport report = ClassificationReport.of(eval.confusion(), classNames, trainCounts);
                TrainingEvent.EpochDone done = new TrainingEvent.EpochDone(epoch, options.epochs(), lossSum / seen,
                        eval.loss(), report, eval.confusion(), drawsPerClass(order, k), seen / trainSeconds,
                        trainSeconds + evalSeconds);
                history.add(done);
                listener.onEvent(done);
            }
            return finish(listener, false, history);
        }
    }

    private int[] orderOf(int epoch) {
        int[] order = epochOrder.indices(new SplittableRandom(StreamSeeds.of(options.seed(), StreamSeeds.ORDER, epoch)));
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

    private static Outcome finish(TrainingListener listener, boolean cancelled, List<TrainingEvent.EpochDone> history) {
        listener.onEvent(new TrainingEvent.Finished(cancelled, history.size()));
        return new Outcome(history.size(), cancelled, List.copyOf(history));
    }
}
