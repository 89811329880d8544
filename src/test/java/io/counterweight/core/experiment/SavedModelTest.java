package io.counterweight.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterweight.core.CounterweightException;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.data.DatasetFormat;
import io.counterweight.core.data.ImageConversions;
import io.counterweight.core.data.ImageShape;
import io.counterweight.core.data.ImageSplit;
import io.counterweight.core.metrics.ConfusionMatrix;
import io.counterweight.core.train.BatchTransform;
import io.counterweight.core.train.EpochOrder;
import io.counterweight.core.train.GeneratedImages;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real run's model.zip reused: evaluation reproduces the run's own, predictions agree with it, clear errors. */
class SavedModelTest {
    private static final ImageShape SHAPE = new ImageShape(3, 8, 8);
    static final Dataset DATA = new Dataset("generated", DatasetFormat.DEMO, GeneratedImages.NAMES,
            GeneratedImages.split(SHAPE, new int[] {20, 12, 8, 4}, 21), GeneratedImages.balanced(SHAPE, 5, 22));
    private static final ExperimentConfig CFG = ExperimentConfig.fastDemo().toBuilder()
            .model("mlp").epochs(2).batch(8).learningRate(0.01).label("reuse").build();

    @TempDir static Path runs;
    @TempDir Path tmp;
    private static RunResult run;

    @BeforeAll
    static void train() {
        run = train(CFG, new TrainingControl());
    }

    static RunResult train(ExperimentConfig cfg, TrainingControl control) {
        return TrainingRun.execute(DATA, cfg, runs, "fp", EpochOrder.shuffled(DATA.train().size()),
                BatchTransform.IDENTITY, TrainingListener.NONE, control);
    }

    @Test
    void evaluatingOnTheRunsTestSplitReproducesItsLastConfusionMatrix() throws IOException {
        SavedModel model = SavedModel.open(run.runDir());
        assertEquals(GeneratedImages.NAMES, model.classNames());
        assertEquals(SHAPE, model.shape());
        ModelEvaluation eval = model.evaluate(DATA, false);
        ConfusionMatrix lastEpoch = ConfusionCsv.read(run.runDir().resolve("confusion/epoch-002.csv")).matrix();
        assertEquals(lastEpoch, eval.confusion());
        assertEquals(RunStore.open(run.runDir()).report(), eval.report(), "same report, head/medium/tail from provenance");
        assertTrue(predictedColumns(eval.confusion()) >= 2, "a model that predicts one class proves little: " + eval.confusion());
        assertEquals("test", eval.split());

        ModelEvaluation recorded = eval.record(OffsetDateTime.parse("2026-03-04T05:06:07+01:00"));
        assertEquals(run.runDir().resolve("evaluations/20260304-050607-generated"), recorded.evaluationDir());
        assertEquals(lastEpoch, ConfusionCsv.read(recorded.evaluationDir().resolve("confusion.csv")).matrix());
        assertEquals(Files.readString(run.runDir().resolve("confusion/epoch-002.csv")),
                Files.readString(recorded.evaluationDir().resolve("confusion.csv")), "the same file format");
        JsonNode report = ConfigJson.mapper().readTree(recorded.evaluationDir().resolve("report.json").toFile());
        assertEquals(eval.report().macroF1(), report.get("macro_f1").asDouble(), 1e-12);
        assertEquals(20, report.get("images").asInt());
        ModelEvaluation again = eval.record(OffsetDateTime.parse("2026-03-04T05:06:07+01:00"));
        assertEquals("20260304-050607-generated-2", again.evaluationDir().getFileName().toString());
    }

    @Test
    void allImagesAreEvaluatedWhenAskedOrWhenTheDataHasNoTestSplit() {
        SavedModel model = SavedModel.open(run.runDir());
        assertEquals(64, model.evaluate(DATA, true).confusion().total());
        ModelEvaluation noTest = model.evaluate(DATA.withSplits(DATA.train(), ImageSplit.empty(SHAPE)), false);
        assertEquals(44, noTest.confusion().total());
        assertEquals("all", noTest.split());
    }

    @Test
    void otherClassesAreAOneLineErrorNamingTheDifference() {
        SavedModel model = SavedModel.open(run.runDir());
        List<String> three = GeneratedImages.NAMES.subList(0, 3);
        ImageSplit threeClasses = DATA.test().relabel(new int[] {0, 1, 2, -1});
        CounterweightException fewer = assertThrows(CounterweightException.class,
                () -> model.evaluate(new Dataset("mine", DatasetFormat.DEMO, three, threeClasses, threeClasses), false));
        assertEquals("mine has classes [red-stripes, green-bars, blue-checks], the run was trained on "
                + "[red-stripes, green-bars, blue-checks, yellow-square]; not in the data: [yellow-square]", fewer.getMessage());

        List<String> swapped = List.of("green-bars", "red-stripes", "blue-checks", "yellow-square");
        CounterweightException order = assertThrows(CounterweightException.class,
                () -> model.evaluate(new Dataset("mine", DatasetFormat.DEMO, swapped, DATA.train(), DATA.test()), false));
        assertTrue(order.getMessage().endsWith("(the same classes in another order)"), order.getMessage());
    }

    @Test
    void anotherImageShapeIsAClearErrorUnlessGrayFilesCanBeMadeColourAsTheReaderDoes() {
        SavedModel model = SavedModel.open(run.runDir());
        ImageShape big = new ImageShape(3, 16, 16);
        Dataset bigger = new Dataset("big", DatasetFormat.DEMO, GeneratedImages.NAMES,
                GeneratedImages.balanced(big, 2, 1), GeneratedImages.balanced(big, 2, 2));
        CounterweightException e = assertThrows(CounterweightException.class, () -> model.evaluate(bigger, false));
        assertEquals("big has images of 16x16x3, the run was trained on 8x8x3 (width x height x channels)", e.getMessage());

        ImageShape gray = new ImageShape(1, 8, 8);
        ImageSplit graySplit = GeneratedImages.balanced(gray, 2, 3);
        Dataset grayIdx = new Dataset("gray", DatasetFormat.IDX, GeneratedImages.NAMES, graySplit, graySplit);
        assertThrows(CounterweightException.class, () -> model.evaluate(grayIdx, false), "IDX images were never gray-to-colour");
        Dataset grayFolder = new Dataset("gray", DatasetFormat.FOLDER, GeneratedImages.NAMES, graySplit, graySplit);
        assertEquals(8, model.evaluate(grayFolder, false).confusion().total());
    }

    @Test
    void predictionsFromPngFilesAgreeWithTheEvaluation() throws IOException {
        SavedModel model = SavedModel.open(run.runDir());
        ImageSplit test = DATA.test();
        Path dir = Files.createDirectories(tmp.resolve("pngs/nested"));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            Path f = dir.resolve(String.format("img-%02d.png", i));
            ImageIO.write(ImageConversions.toBufferedImage(test.image(i), SHAPE), "png", f.toFile());
            files.add(f);
        }
        assertEquals(files, ImageInputs.expand(List.of(tmp.resolve("pngs"))), "folders: every image inside, sorted");

        List<Prediction> top3 = model.predict(files, 3);
        List<Prediction> all = model.predict(files, 10);
        ConfusionMatrix fromPredictions = new ConfusionMatrix(4);
        for (int i = 0; i < files.size(); i++) {
            Prediction p = top3.get(i);
            assertEquals(files.get(i), p.image());
            assertEquals(3, p.top().size());
            assertEquals(4, all.get(i).top().size(), "at most the class count");
            assertEquals(all.get(i).top().subList(0, 3), p.top());
            double sum = all.get(i).top().stream().mapToDouble(Prediction.Scored::probability).sum();
            assertEquals(1.0, sum, 1e-5);
            for (int k = 1; k < 4; k++) {
                assertTrue(all.get(i).top().get(k - 1).probability() >= all.get(i).top().get(k).probability(), "sorted");
            }
            fromPredictions.add(test.label(i), GeneratedImages.NAMES.indexOf(p.best()));
        }
        // every image's top class is the evaluation's prediction, or the matrices would differ
        assertEquals(model.evaluate(DATA, false).confusion(), fromPredictions);
    }

    @Test
    void aCorruptImageNamesTheFile() throws IOException {
        SavedModel model = SavedModel.open(run.runDir());
        Path good = tmp.resolve("good.png");
        ImageIO.write(ImageConversions.toBufferedImage(DATA.test().image(0), SHAPE), "png", good.toFile());
        Path bad = tmp.resolve("bad.png");
        Files.write(bad, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H'});
        CounterweightException e = assertThrows(CounterweightException.class, () -> model.predict(List.of(good, bad), 3));
        assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
        assertThrows(CounterweightException.class, () -> model.predict(List.of(good), 0));
    }

    @Test
    void aRunWithoutAUsableModelIsAClearError() throws IOException {
        Path copy = copyOf(run.runDir(), tmp.resolve("copy"));
        Files.delete(copy.resolve("model.zip"));
        CounterweightException missing = assertThrows(CounterweightException.class, () -> SavedModel.open(copy));
        assertEquals(copy.resolve("model.zip") + ": missing, the run folder has no saved model", missing.getMessage());

        byte[] zip = Files.readAllBytes(run.runDir().resolve("model.zip"));
        Files.write(copy.resolve("model.zip"), java.util.Arrays.copyOf(zip, zip.length / 2));
        CounterweightException corrupt = assertThrows(CounterweightException.class, () -> SavedModel.open(copy));
        assertTrue(corrupt.getMessage().startsWith(copy.resolve("model.zip") + ": not a readable DL4J model"), corrupt.getMessage());

        TrainingControl stopAtOnce = new TrainingControl();
        stopAtOnce.cancel();
        Path noEpoch = train(CFG.toBuilder().label("stopped").build(), stopAtOnce).runDir();
        CounterweightException none = assertThrows(CounterweightException.class, () -> SavedModel.open(noEpoch));
        assertEquals(noEpoch + ": the run completed no epoch, so it saved no model (no model.zip)", none.getMessage());

        CounterweightException notARun = assertThrows(CounterweightException.class, () -> SavedModel.open(tmp));
        assertTrue(notARun.getMessage().contains("not a Counterweight run folder"), notARun.getMessage());
    }

    private static int predictedColumns(ConfusionMatrix cm) {
        int n = 0;
        for (int p = 0; p < cm.numClasses(); p++) if (cm.predictedCount(p) > 0) n++;
        return n;
    }

    static Path copyOf(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        return to;
    }
}
