package io.counterweight.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterweight.core.CounterweightException;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.data.DatasetFormat;
import io.counterweight.core.data.ImageShape;
import io.counterweight.core.model.ModelFactory;
import io.counterweight.core.model.ModelSpec;
import io.counterweight.core.train.TrainingTuning;
import io.counterweight.core.train.BatchTransform;
import io.counterweight.core.train.EpochOrder;
import io.counterweight.core.train.GeneratedImages;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingEvent;
import io.counterweight.core.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRunTest {
    private static final ImageShape SHAPE = new ImageShape(3, 8, 8);
    private static final Dataset DATA = new Dataset("generated", DatasetFormat.DEMO, GeneratedImages.NAMES,
            GeneratedImages.split(SHAPE, new int[] {20, 12, 8, 4}, 21), GeneratedImages.balanced(SHAPE, 5, 22));
    private static final ExperimentConfig CFG = ExperimentConfig.fastDemo().toBuilder()
            .model("mlp").epochs(2).batch(8).learningRate(0.01).label("my run/1").build();

    @TempDir
    Path out;

    private RunResult run(ExperimentConfig cfg, TrainingListener listener, TrainingControl control) {
        return TrainingRun.execute(DATA, cfg, out, "fp-1234", EpochOrder.shuffled(DATA.train().size()),
                BatchTransform.IDENTITY, listener, control);
    }

    @Test
    void runFolderHoldsEverythingAndReadsBack() throws Exception {
        RunResult r = run(CFG, TrainingListener.NONE, new TrainingControl());
        Path dir = r.runDir();
        assertTrue(dir.getFileName().toString().matches("\\d{8}-\\d{6}-my_run_1-mlp"), dir.toString());
        for (String f : List.of("config.json", "provenance.json", "metrics.csv", "model.zip", "result.json",
                "confusion/epoch-001.csv", "confusion/epoch-002.csv")) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        }
        assertEquals(CFG, ConfigJson.readConfig(dir.resolve("config.json")));
        assertEquals(3, Files.readAllLines(dir.resolve("metrics.csv")).size());
        assertEquals(r.history(), MetricsCsv.read(dir.resolve("metrics.csv")));

        JsonNode prov = ConfigJson.mapper().readTree(dir.resolve("provenance.json").toFile());
        assertEquals("fp-1234", prov.at("/data/fingerprint").asText());
        assertEquals("[20,12,8,4]", prov.at("/data/train_counts").toString());
        assertEquals("[5,5,5,5]", prov.at("/data/test_counts").toString());
        assertEquals("completed", prov.get("status").asText());
        assertEquals(42, prov.get("seed").asLong());
        assertFalse(prov.get("end_time").isNull());
        assertEquals(System.getProperty("java.version"), prov.at("/software/java").asText());
        Provenance read = RunStore.readProvenance(dir);
        assertEquals(GeneratedImages.NAMES, read.data().classNames());
        assertEquals(List.of(20, 12, 8, 4), read.data().trainCounts());
        assertEquals("1.0.0-M2.1", read.software().dl4j());
        assertEquals("8x8x3", read.data().imageShape());
        // the settings that change float results, so a repeat can tell when it ran differently
        assertEquals(TrainingTuning.defaults().computeThreads(), read.speed().computeThreads());
        assertTrue(read.speed().replicas() >= 1 && read.speed().nativeThreadsPerReplica() >= 1);
        assertTrue(read.speed().nd4jThreads() >= 1);
        assertEquals(io.counterweight.core.model.fast.ConvEngine.describe(), read.speed().convolution());

        JsonNode result = ConfigJson.mapper().readTree(dir.resolve("result.json").toFile());
        assertEquals(2, result.get("epochs").asInt());
        assertEquals(r.report().accuracy(), result.get("accuracy").asDouble(), 1e-12);

        // per-image predictions rebuild each epoch's confusion matrix exactly
        for (int epoch = 1; epoch <= 2; epoch++) {
            io.counterweight.core.metrics.Predictions p = PredictionsCsv.read(dir.resolve("predictions").resolve(RunStore.confusionFile(epoch)));
            assertEquals(DATA.test().size(), p.size());
            assertEquals(ConfusionCsv.read(dir.resolve("confusion").resolve(RunStore.confusionFile(epoch))).matrix(), p.confusion(4));
            for (int i = 0; i < p.size(); i++) {
                assertEquals(DATA.test().label(i), p.truth()[i], "rows follow the test split's order");
                assertTrue(p.probability()[i] > 0.25f - 1e-6 && p.probability()[i] <= 1, "the top of 4 probabilities: " + p.probability()[i]);
            }
        }

        RunResult back = RunStore.open(dir);
        assertEquals(r.config(), back.config());
        assertEquals(r.history(), back.history());
        assertEquals(r.confusion(), back.confusion());
        assertEquals(r.report(), back.report());
        assertEquals(r.imagesPerSecond(), back.imagesPerSecond());
        assertFalse(back.cancelled());
        assertEquals(List.of(dir), RunStore.list(out));

        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(dir.resolve("model.zip").toFile());
        assertEquals(4, restored.layerSize(restored.getnLayers() - 1));
    }

    @Test
    void twoRunsInTheSameSecondGetTwoFolders() {
        java.time.OffsetDateTime t = java.time.OffsetDateTime.parse("2026-01-02T03:04:05+01:00");
        Path a = RunStore.create(out, CFG, GeneratedImages.NAMES, t).dir();
        Path b = RunStore.create(out, CFG, GeneratedImages.NAMES, t).dir();
        assertEquals("20260102-030405-my_run_1-mlp", a.getFileName().toString());
        assertEquals("20260102-030405-my_run_1-mlp-2", b.getFileName().toString());
        assertEquals(List.of(a, b), RunStore.list(out));
    }

    @Test
    void runCancelledBeforeItsFirstStepHasNoReportButValidJson() throws Exception {
        TrainingControl stopAtOnce = new TrainingControl();
        stopAtOnce.cancel();
        RunResult r = run(CFG, TrainingListener.NONE, stopAtOnce);
        assertTrue(r.cancelled());
        assertEquals(0, r.epochsDone());
        JsonNode json = ConfigJson.mapper().readTree(r.runDir().resolve("result.json").toFile());
        assertTrue(json.get("accuracy").isNull() && json.get("confusion").isNull());
        assertEquals(0, RunStore.open(r.runDir()).history().size());
    }

    @Test
    void cancelledRunKeepsItsCompletedEpochs() {
        TrainingControl control = new TrainingControl();
        TrainingListener cancelInSecondEpoch = e -> {
            if (e instanceof TrainingEvent.BatchDone b && b.epoch() == 2 && b.batch() == 2) control.cancel();
        };
        RunResult r = run(CFG.toBuilder().epochs(4).build(), cancelInSecondEpoch, control);
        assertTrue(r.cancelled());
        assertEquals(1, r.epochsDone());
        RunResult back = RunStore.open(r.runDir());
        assertTrue(back.cancelled());
        assertEquals(1, back.history().size());
        assertNotNull(back.report());
    }

    @Test
    void divergedRunStopsWithOneLineAndKeepsCompletedEpochs() throws Exception {
        // Poison the weights once epoch 2 is reported: the first step of epoch 3 has a NaN loss.
        ExperimentConfig cfg = CFG.toBuilder().epochs(4).build();
        MultiLayerNetwork net = ModelFactory.build(specOf("mlp", cfg), SHAPE, 4);
        TrainingListener poison = e -> {
            if (e instanceof TrainingEvent.EpochDone d && d.epoch() == 2) net.params().assign(Double.NaN);
        };
        CounterweightException ex = assertThrows(CounterweightException.class,
                () -> TrainingRun.execute(net, DATA, cfg, out, "fp", EpochOrder.shuffled(DATA.train().size()),
                        BatchTransform.IDENTITY, poison, new TrainingControl(), TrainingTuning.defaults()));
        assertEquals("training diverged: loss is NaN at epoch 3 batch 1; lower --lr", ex.getMessage());
        Path dir = RunStore.list(out).get(0);
        assertEquals(2, MetricsCsv.read(dir.resolve("metrics.csv")).size());
        assertTrue(Files.isRegularFile(dir.resolve("model.zip")));
        JsonNode prov = ConfigJson.mapper().readTree(dir.resolve("provenance.json").toFile());
        assertEquals("failed: " + ex.getMessage(), prov.get("status").asText());
        assertEquals(2, RunStore.open(dir).epochsDone());
        assertTrue(RunStore.open(dir).cancelled()); // not completed
    }

    private static ModelSpec specOf(String architecture, ExperimentConfig recipe) {
        return new ModelSpec(architecture, recipe.seed(), recipe.recipe().learningRate(), recipe.recipe().momentum());
    }
}
