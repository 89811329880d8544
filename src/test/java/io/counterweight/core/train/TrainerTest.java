package io.counterweight.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.data.ImageShape;
import io.counterweight.core.data.ImageSplit;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.model.ModelFactory;
import io.counterweight.core.model.ModelSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

class TrainerTest {
    private static final ImageShape SHAPE = new ImageShape(3, 8, 8);
    private static final ImageSplit TRAIN = GeneratedImages.split(SHAPE, new int[] {20, 12, 8, 4}, 11);
    private static final ImageSplit TEST = GeneratedImages.balanced(SHAPE, 5, 12);
    private static final ExperimentConfig CFG = ExperimentConfig.fastDemo().toBuilder().model("mlp").learningRate(0.01).build();

    private static MultiLayerNetwork net() {
        return ModelFactory.build(specOf("mlp", CFG), SHAPE, 4);
    }

    private static Trainer trainer(MultiLayerNetwork net, int epochs) {
        return new Trainer(net, TRAIN, TEST, GeneratedImages.NAMES, new Trainer.Options("t", epochs, 8, 7),
                EpochOrder.shuffled(TRAIN.size()), BatchTransform.IDENTITY);
    }

    @Test
    void theThreadPlanFollowsTheNetworksArithmetic() {
        Trainer.Options one = new Trainer.Options("t", 2, 32, 7, 1, 2, 1), two = new Trainer.Options("t", 2, 32, 7, 1, 2, 2);
        assertEquals(new ThreadPlan(1, 1), one.threadPlan(37e6));
        assertEquals(new ThreadPlan(2, 1), two.threadPlan(37e6), "the study CNN at batch 32: split in two");
        assertEquals(new ThreadPlan(1, 1), two.threadPlan(4e6), "LeNet at batch 32: too little work for a second thread");
    }

    @Test
    void splittingEachBatchOverTwoReplicasTrainsTheSameNetwork() {
        Trainer.Options whole = new Trainer.Options("t", 2, 32, 7, 1, 2, 1), split = new Trainer.Options("t", 2, 32, 7, 1, 2, 2);
        MultiLayerNetwork a = net(), b = net();
        b.setParams(a.params().dup());
        List<Double> lossesA = new ArrayList<>(), lossesB = new ArrayList<>();
        new Trainer(a, TRAIN, TEST, GeneratedImages.NAMES, whole, EpochOrder.shuffled(TRAIN.size()), BatchTransform.IDENTITY)
                .run(e -> { if (e instanceof TrainingEvent.BatchDone d) lossesA.add(d.loss()); }, new TrainingControl());
        // the mlp is far too small for the rule to split it: force two replicas
        new Trainer(b, TRAIN, TEST, GeneratedImages.NAMES, split, EpochOrder.shuffled(TRAIN.size()), BatchTransform.IDENTITY)
                .withThreadPlan(new ThreadPlan(2, 1)).run(e -> { if (e instanceof TrainingEvent.BatchDone d) lossesB.add(d.loss()); }, new TrainingControl());
        assertEquals(4, lossesA.size()); // 44 images: batches of 32 and 12, 2 epochs
        for (int i = 0; i < lossesA.size(); i++) assertEquals(lossesA.get(i), lossesB.get(i), 1e-4, "loss of step " + i);
        assertTrue(a.params().distance2(b.params()) < 1e-4 * a.params().norm2Number().doubleValue());
    }

    @Test
    void theScheduleReachesEveryReplicaEachEpoch() {
        // logit-adjusted loss and a warm-up + cosine rate: with the loss or the rate missing on a replica, the split would drift
        Trainer.Options whole = new Trainer.Options("t", 3, 32, 7, 1, 2, 1), split = new Trainer.Options("t", 3, 32, 7, 1, 2, 2);
        RemedySchedule schedule = new RemedySchedule(new LearningRateSchedule(0.05, 3, 1, LrDecay.COSINE, 1, 1),
                new io.counterweight.core.model.LogitAdjustedLoss(1.0, new int[] {20, 12, 8, 4}), 1);
        MultiLayerNetwork a = net(), b = net();
        b.setParams(a.params().dup());
        List<Double> lossesA = new ArrayList<>(), lossesB = new ArrayList<>();
        List<Integer> epochsSetUp = new ArrayList<>();
        EpochSetup recorded = (epoch, nets) -> {
            epochsSetUp.add(epoch * 10 + nets.size());
            schedule.beforeEpoch(epoch, nets);
        };
        new Trainer(a, TRAIN, TEST, GeneratedImages.NAMES, whole, EpochOrder.shuffled(TRAIN.size()), BatchTransform.IDENTITY,
                BatchMix.NONE, schedule)
                .run(e -> { if (e instanceof TrainingEvent.BatchDone d) lossesA.add(d.loss()); }, new TrainingControl());
        new Trainer(b, TRAIN, TEST, GeneratedImages.NAMES, split, EpochOrder.shuffled(TRAIN.size()), BatchTransform.IDENTITY,
                BatchMix.NONE, recorded)
                .withThreadPlan(new ThreadPlan(2, 1)).run(e -> { if (e instanceof TrainingEvent.BatchDone d) lossesB.add(d.loss()); }, new TrainingControl());
        assertEquals(List.of(12, 22, 32), epochsSetUp, "each epoch, master and replica");
        assertEquals(6, lossesA.size());
        for (int i = 0; i < lossesA.size(); i++) assertEquals(lossesA.get(i), lossesB.get(i), 1e-4, "loss of step " + i);
        assertEquals(schedule.learningRateAt(3), a.getLearningRate(0), 1e-9);
        assertEquals(schedule.learningRateAt(3), b.getLearningRate(0), 1e-9);
        assertTrue(a.params().distance2(b.params()) < 1e-4 * a.params().norm2Number().doubleValue());
    }

    @Test
    void reportsEveryStepAndEpochInOrder() {
        List<TrainingEvent> events = new ArrayList<>();
        Trainer.Outcome outcome = trainer(net(), 2).run(events::add, new TrainingControl());
        // 44 images in batches of 8 -> 6 steps an epoch
        assertInstanceOf(TrainingEvent.Started.class, events.get(0));
        TrainingEvent.Started started = (TrainingEvent.Started) events.get(0);
        assertEquals(6, started.batchesPerEpoch());
        assertEquals(44, started.trainSize());
        assertEquals(20, started.testSize());
        assertEquals(GeneratedImages.NAMES, started.classNames());
        assertEquals(1 + 6 + 1 + 6 + 1 + 1, events.size());
        TrainingEvent.BatchDone sixth = (TrainingEvent.BatchDone) events.get(6);
        assertEquals(1, sixth.epoch());
        assertEquals(6, sixth.batch());
        assertEquals(6, sixth.iteration());
        assertTrue(sixth.imagesPerSecond() > 0 && Double.isFinite(sixth.etaSeconds()));
        TrainingEvent.EpochDone first = (TrainingEvent.EpochDone) events.get(7);
        assertEquals(1, first.epoch());
        assertEquals(20, first.confusion().total());
        assertArrayEquals(new int[] {20, 12, 8, 4}, first.drawsPerClass()); // a permutation draws each image once
        assertTrue(first.trainLoss() > 0 && first.testLoss() > 0);
        assertEquals(first.confusion().correct() / 20.0, first.report().accuracy(), 1e-12);
        assertEquals(new TrainingEvent.Finished(false, 2), events.get(events.size() - 1));
        assertEquals(2, outcome.epochsDone());
        assertEquals(false, outcome.cancelled());
    }

    @Test
    void cancelStopsBeforeTheNextStep() {
        TrainingControl control = new TrainingControl();
        List<TrainingEvent> events = new ArrayList<>();
        TrainingListener cancelAfterEight = e -> {
            events.add(e);
            if (e instanceof TrainingEvent.BatchDone b && b.iteration() == 8) control.cancel();
        };
        Trainer.Outcome outcome = trainer(net(), 5).run(cancelAfterEight, control);
        assertEquals(8, events.stream().filter(e -> e instanceof TrainingEvent.BatchDone).count());
        assertEquals(1, events.stream().filter(e -> e instanceof TrainingEvent.EpochDone).count());
        assertEquals(new TrainingEvent.Finished(true, 1), events.get(events.size() - 1));
        assertTrue(outcome.cancelled());
        assertEquals(1, outcome.epochsDone());
    }

    @Test
    void pauseHoldsTrainingBeforeTheNextStepUntilResumed() throws Exception {
        TrainingControl control = new TrainingControl();
        control.pause();
        List<TrainingEvent> events = java.util.Collections.synchronizedList(new ArrayList<>());
        Trainer trainer = trainer(net(), 1);
        Thread worker = new Thread(() -> trainer.run(events::add, control), "trainer-under-test");
        worker.start();
        // Wait (without sleeping) until the trainer blocks inside the pause, or ends if pause were ignored.
        while (worker.isAlive() && !blockedInPause(worker)) Thread.onSpinWait();
        assertTrue(worker.isAlive(), "training ran to the end while paused");
        assertEquals(0, events.stream().filter(e -> e instanceof TrainingEvent.BatchDone).count());
        control.resume();
        worker.join();
        assertEquals(6, events.stream().filter(e -> e instanceof TrainingEvent.BatchDone).count());
        assertEquals(new TrainingEvent.Finished(false, 1), events.get(events.size() - 1));
    }

    private static boolean blockedInPause(Thread t) {
        if (t.getState() != Thread.State.WAITING) return false;
        return Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getMethodName().equals("awaitIfPaused"));
    }

    @Test
    void nanLossStopsTheRunNamingEpochAndBatch() {
        MultiLayerNetwork net = net();
        List<TrainingEvent> events = new ArrayList<>();
        TrainingListener poisonAfterFirstEpoch = e -> {
            events.add(e);
            if (e instanceof TrainingEvent.EpochDone) net.params().assign(Double.NaN);
        };
        CounterweightException ex = assertThrows(CounterweightException.class,
                () -> trainer(net, 3).run(poisonAfterFirstEpoch, new TrainingControl()));
        assertEquals("training diverged: loss is NaN at epoch 2 batch 1; lower --lr", ex.getMessage());
        assertEquals(1, events.stream().filter(e -> e instanceof TrainingEvent.EpochDone).count());
    }

    @Test
    void sameSeedSameLosses() {
        List<Double> a = losses();
        List<Double> b = losses();
        assertEquals(a, b);
    }

    private static List<Double> losses() {
        List<Double> losses = new ArrayList<>();
        trainer(net(), 1).run(e -> {
            if (e instanceof TrainingEvent.BatchDone b) losses.add(b.loss());
        }, new TrainingControl());
        return losses;
    }

    private static void assertArrayEquals(int[] expected, int[] actual) {
        assertEquals(Arrays.toString(expected), Arrays.toString(actual));
    }

    private static ModelSpec specOf(String architecture, ExperimentConfig recipe) {
        return new ModelSpec(architecture, recipe.seed(), recipe.recipe().learningRate(), recipe.recipe().momentum());
    }
}
