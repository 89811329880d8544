package io.counterweight.app.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.app.testing.Fixtures;
import io.counterweight.core.CounterweightException;
import io.counterweight.core.Progress;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.data.ImageSplit;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.ExperimentRunner;
import io.counterweight.core.experiment.Prediction;
import io.counterweight.core.experiment.RunCatalog;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.experiment.RunStatus;
import io.counterweight.core.experiment.SavedModel;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingEvent;
import io.counterweight.core.train.TrainingListener;
import io.counterweight.core.train.TrainingTuning;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import tech.tablesaw.api.Table;

/**
 * The window's exports and predictions on real run folders trained here: files written and read back (the HTML
 * parsed, the CSVs through Tablesaw, the PNGs decoded), predictions checked against SavedModel, and a stopped
 * run resumed to the end through the history service.
 */
class CoreExportServiceTest {
    private static final Dataset DATA = Fixtures.dataset("tiny", new int[] {16, 8, 4}, 4, 6, 3);

    @TempDir static Path shared;
    private static RunResult first, second;
    private final ExportService export = new CoreExportService();

    @TempDir Path out;

    @BeforeAll
    static void trainTwoRuns() {
        TrainingService training = Services.core(shared.resolve("runs")).training();
        first = training.train(DATA, config("baseline", 0.05), TrainingListener.NONE, new TrainingControl());
        second = training.train(DATA, config("improved", 0.2), TrainingListener.NONE, new TrainingControl());
    }

    private static ExperimentConfig config(String label, double lr) {
        return ExperimentConfig.fastDemo().toBuilder().model("mlp").epochs(2).batch(4).learningRate(lr).label(label).seed(7).build();
    }

    @Test
    void theHtmlReportParsesAndHoldsTheRunsAccuracy() throws Exception {
        Path file = export.report(List.of(first.runDir(), second.runDir()), out.resolve("report.html"));
        String html = Files.readString(file);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()); // well-formed markup
        assertNotNull(doc.getDocumentElement());
        for (RunResult r : List.of(first, second)) {
            String accuracy = String.format(Locale.ROOT, "%.2f%%", 100 * r.report().accuracy());
            assertTrue(html.contains(accuracy), "the report shows " + accuracy);
        }
    }

    @Test
    void theCsvTablesReadBackWithOneRowPerRunAndEpochAndPerClass() {
        List<Path> files = export.csv(List.of(first.runDir(), second.runDir()), out.resolve("csv"));
        assertEquals(2, files.size());
        Table metrics = Table.read().csv(out.resolve("csv/metrics.csv").toFile());
        assertEquals(4, metrics.rowCount(), "two runs, two epochs each");
        assertTrue(metrics.columnNames().contains("run"));
        Table perClass = Table.read().csv(out.resolve("csv/per_class.csv").toFile());
        assertEquals(2 * 3, perClass.rowCount(), "two runs, three classes");
        assertEquals(List.of("run", "class", "train_count", "test_support", "precision", "recall", "f1"), perClass.columnNames());
    }

    @Test
    void theChartsDecodeAtOneAndTwiceTheSize() throws IOException {
        List<Path> one = export.charts(List.of(second.runDir()), out.resolve("png"), 1);
        List<Path> two = export.charts(List.of(second.runDir()), out.resolve("png"), 2);
        assertEquals(3, one.size(), "loss, metrics, confusion: " + one);
        assertEquals(3, two.size());
        for (int i = 0; i < one.size(); i++) {
            BufferedImage a = ImageIO.read(one.get(i).toFile()), b = ImageIO.read(two.get(i).toFile());
            assertNotNull(a, one.get(i) + " decodes");
            assertNotNull(b, two.get(i) + " decodes");
            assertEquals(2 * a.getWidth(), b.getWidth(), two.get(i).toString());
            assertEquals(2 * a.getHeight(), b.getHeight(), two.get(i).toString());
            assertTrue(two.get(i).getFileName().toString().endsWith("-2x.png"));
        }
        List<Path> comparison = export.charts(List.of(first.runDir(), second.runDir()), out.resolve("cmp"), 1);
        assertEquals(4, comparison.size(), "two curves for both runs, one matrix each: " + comparison);
    }

    @Test
    void predictionsOfTheRunsTestImagesMatchTheSavedModel() throws IOException {
        ImageSplit test = DATA.test();
        List<Path> files = new ArrayList<>();
        Path dir = Files.createDirectories(out.resolve("images"));
        for (int i = 0; i < test.size(); i++) {
            Path f = dir.resolve(String.format(Locale.ROOT, "test-%02d.png", i));
            ImageIO.write(io.counterweight.core.data.ImageConversions.toBufferedImage(test.image(i), test.shape()), "png", f.toFile());
            files.add(f);
        }
        List<Path> images = export.images(List.of(dir)); // a folder expands to its images, sorted
        assertEquals(files, images);
        List<Prediction> all = export.predict(second.runDir(), images, 3);
        List<Prediction> expected = SavedModel.open(second.runDir()).predict(files, 3);
        assertEquals(files.size(), all.size());
        for (int i = 0; i < all.size(); i++) {
            Prediction p = all.get(i);
            assertEquals(files.get(i), p.image());
            assertEquals(3, p.top().size(), "three classes, all shown");
            assertEquals(1.0, p.top().stream().mapToDouble(Prediction.Scored::probability).sum(), 1e-4, "probabilities sum to 1");
            assertEquals(expected.get(i).best(), p.best());
        }
    }

    @Test
    void aCorruptImageIsOneLineNamingIt() throws IOException {
        Path bad = Files.writeString(out.resolve("broken.png"), "not a png");
        CounterweightException e = assertThrows(CounterweightException.class, () -> export.predict(second.runDir(), List.of(bad), 3));
        assertTrue(e.getMessage().contains("broken.png"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aStoppedRunResumedThroughTheHistoryServiceFinishesInItsFolder() throws IOException {
        Path data = out.resolve("shapes");
        for (String split : List.of("train", "test")) {
            ImageSplit s = split.equals("train") ? DATA.train() : DATA.test();
            for (int i = 0; i < s.size(); i++) {
                Path classDir = Files.createDirectories(data.resolve(split).resolve(DATA.classNames().get(s.label(i))));
                ImageIO.write(io.counterweight.core.data.ImageConversions.toBufferedImage(s.image(i), s.shape()), "png", classDir.resolve(i + ".png").toFile());
            }
        }
        ExperimentConfig cfg = ExperimentConfig.study(data.toString()).toBuilder().model("mlp").epochs(2).batch(4)
                .learningRate(0.05).label("cut").build();
        TrainingControl control = new TrainingControl();
        Path runs = out.resolve("runs");
        RunResult cut = ExperimentRunner.train(ExperimentRunner.load(cfg, Progress.NONE), cfg, runs, e -> {
            if (e instanceof TrainingEvent.EpochDone d && d.epoch() == 1) control.cancel();
        }, control, TrainingTuning.defaults());
        assertEquals(RunStatus.STOPPED, RunCatalog.summarise(cut.runDir()).status(), "precondition");

        RunHistoryService history = Services.core(runs).runs();
        List<String> notes = new ArrayList<>();
        RunResult resumed = history.resume(cut.runDir(), TrainingListener.NONE, new TrainingControl(), Progress.NONE, notes::addAll);
        assertEquals(cut.runDir(), resumed.runDir(), "in its own folder");
        assertEquals(2, resumed.epochsDone());
        assertEquals(RunStatus.FINISHED, history.list().get(0).status());
        CounterweightException again = assertThrows(CounterweightException.class, () -> history.resume(cut.runDir(),
                TrainingListener.NONE, new TrainingControl(), Progress.NONE, n -> { }));
        assertTrue(again.getMessage().contains("finished"), again.getMessage());
    }
}
