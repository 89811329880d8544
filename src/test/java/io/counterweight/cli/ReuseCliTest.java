package io.counterweight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterweight.core.data.ImageConversions;
import io.counterweight.core.data.ImageShape;
import io.counterweight.core.data.ImageSplit;
import io.counterweight.core.experiment.ConfigJson;
import io.counterweight.core.train.GeneratedImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate} and {@code predict} on a run trained through the CLI on a folder of PNGs. */
class ReuseCliTest {
    private static final ImageShape SHAPE = new ImageShape(3, 8, 8);
    @TempDir static Path shared;
    @TempDir Path tmp;
    private static Path data;
    private static Path runDir;
    private static JsonNode trained;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** train/ and test/ folders of PNGs, one sub-folder per class (the first {@code classes} of the four). */
    static Path folder(Path root, ImageShape shape, int classes) throws IOException {
        write(root.resolve("train"), GeneratedImages.balanced(shape, 12, 31), shape, classes);
        write(root.resolve("test"), GeneratedImages.balanced(shape, 5, 32), shape, classes);
        return root;
    }

    private static void write(Path dir, ImageSplit split, ImageShape shape, int classes) throws IOException {
        for (int i = 0; i < split.size(); i++) {
            if (split.label(i) >= classes) continue;
            Path classDir = Files.createDirectories(dir.resolve(GeneratedImages.NAMES.get(split.label(i))));
            ImageIO.write(ImageConversions.toBufferedImage(split.image(i), shape), "png",
                    classDir.resolve(String.format("%03d.png", i)).toFile());
        }
    }

    /** The error line; the loading progress line may come before it on stderr. */
    private static String lastLine(String err) {
        List<String> lines = err.strip().lines().toList();
        return lines.get(lines.size() - 1);
    }

    @BeforeAll
    static void trainARun() throws IOException {
        data = folder(shared.resolve("shapes"), SHAPE, 4);
        CliRun r = run("train", data.toString(), "--epochs", "2", "--model", "mlp", "--lr", "0.01", "--batch", "8",
                "--out", shared.resolve("runs").toString(), "--json");
        assertEquals(0, r.code, r.err);
        trained = ConfigJson.mapper().readTree(r.out);
        runDir = Path.of(trained.get("run_dir").asText());
    }

    @Test
    void evaluateJsonReproducesTheRunsTestAndIsKeptInTheRunFolder() throws IOException {
        CliRun r = run("evaluate", runDir.toString(), data.toString(), "--json");
        assertEquals(0, r.code, r.err);
        JsonNode json = ConfigJson.mapper().readTree(r.out);
        for (String key : List.of("accuracy", "macro_f1", "balanced_accuracy", "per_class", "confusion", "run_dir", "data",
                "evaluation_dir")) {
            assertTrue(json.has(key), "missing key " + key + " in " + r.out);
        }
        assertEquals(trained.get("confusion"), json.get("confusion"), "the same test split, the same predictions");
        assertEquals(trained.get("macro_f1").asDouble(), json.get("macro_f1").asDouble(), 1e-12);
        assertEquals(trained.get("per_class"), json.get("per_class"));
        assertEquals("shapes", json.get("data").asText());
        assertEquals(runDir.toString(), json.get("run_dir").asText());
        Path evaluation = Path.of(json.get("evaluation_dir").asText());
        assertEquals(runDir.resolve("evaluations"), evaluation.getParent());
        assertTrue(evaluation.getFileName().toString().matches("\\d{8}-\\d{6}-shapes(-\\d+)?"), evaluation.toString());
        assertEquals(json, ConfigJson.mapper().readTree(evaluation.resolve("report.json").toFile()));
        assertTrue(Files.readString(evaluation.resolve("confusion.csv")).startsWith("true\\predicted,blue-checks,"));

        CliRun text = run("evaluate", runDir.toString(), data.toString());
        assertEquals(0, text.code, text.err);
        assertTrue(text.out.contains("on shapes (test split, 20 images)"), text.out);
        assertTrue(text.out.contains("macro-F1 " + String.format(java.util.Locale.ROOT, "%.4f", json.get("macro_f1").asDouble())), text.out);
        assertTrue(text.out.contains("evaluation folder: " + runDir.resolve("evaluations")), text.out);
    }

    @Test
    void otherClassesOrAnotherImageSizeEndWithOneLineAndExitCode2() throws IOException {
        Path three = folder(tmp.resolve("three"), SHAPE, 3);
        CliRun classes = run("evaluate", runDir.toString(), three.toString());
        assertEquals(2, classes.code);
        assertEquals("counterweight: three has classes [blue-checks, green-bars, red-stripes], the run was trained on "
                + "[blue-checks, green-bars, red-stripes, yellow-square]; not in the data: [yellow-square]", lastLine(classes.err));

        Path big = folder(tmp.resolve("big"), new ImageShape(3, 16, 16), 4);
        CliRun resized = run("evaluate", runDir.toString(), big.toString(), "--json");
        assertEquals(0, resized.code, "resized to the run's 8x8 as the folder reader does in training: " + resized.err);
        assertEquals(20, ConfigJson.mapper().readTree(resized.out).get("images").asInt());
        CliRun shape = run("evaluate", runDir.toString(), big.toString(), "--image-size", "16");
        assertEquals(2, shape.code);
        assertEquals("counterweight: big has images of 16x16x3, the run was trained on 8x8x3 (width x height x channels)",
                lastLine(shape.err));
    }

    @Test
    void predictJsonListsTheTopClassesOfEveryImageAgreeingWithEvaluate() throws IOException {
        CliRun r = run("predict", runDir.toString(), data.resolve("test").toString(), "--top", "2", "--json");
        assertEquals(0, r.code, r.err);
        JsonNode array = ConfigJson.mapper().readTree(r.out);
        assertTrue(array.isArray());
        assertEquals(20, array.size());
        long[][] confusion = new long[4][4];
        List<String> names = List.of("blue-checks", "green-bars", "red-stripes", "yellow-square");
        String previous = "";
        for (JsonNode element : array) {
            Path image = Path.of(element.get("image").asText());
            assertTrue(image.toString().compareTo(previous) > 0, "sorted: " + image);
            previous = image.toString();
            JsonNode predictions = element.get("predictions");
            assertEquals(2, predictions.size());
            assertTrue(predictions.get(0).get("probability").asDouble() >= predictions.get(1).get("probability").asDouble());
            int truth = names.indexOf(image.getParent().getFileName().toString());
            confusion[truth][names.indexOf(predictions.get(0).get("class").asText())]++;
        }
        assertEquals(ConfigJson.mapper().valueToTree(confusion).toString(), trained.get("confusion").toString());

        CliRun all = run("predict", runDir.toString(), data.resolve("test/red-stripes").toString(), "--top", "9", "--json");
        JsonNode first = ConfigJson.mapper().readTree(all.out).get(0).get("predictions");
        assertEquals(4, first.size(), "at most the class count");
        double sum = 0;
        for (JsonNode p : first) sum += p.get("probability").asDouble();
        assertEquals(1.0, sum, 1e-5);

        Path one = data.resolve("test/red-stripes").resolve(Files.list(data.resolve("test/red-stripes")).sorted().findFirst().orElseThrow().getFileName());
        CliRun text = run("predict", runDir.toString(), one.toString(), one.toString());
        assertEquals(0, text.code, text.err);
        assertEquals(2, text.out.strip().lines().count(), text.out);
        assertTrue(text.out.startsWith(one + ": "), text.out);
        assertEquals(3, text.out.lines().findFirst().orElseThrow().split(", ").length, "three classes by default: " + text.out);
    }

    @Test
    void badImagesRunsAndOptionsAreOneLineErrors() throws IOException {
        Path corrupt = tmp.resolve("corrupt.png");
        Files.write(corrupt, "not a png at all".getBytes());
        CliRun image = run("predict", runDir.toString(), corrupt.toString());
        assertEquals(2, image.code);
        assertEquals(1, image.err.strip().lines().count(), image.err);
        assertTrue(image.err.contains(corrupt.toString()), image.err);
        assertFalse(image.err.contains("Exception"), image.err);

        Path noModel = Files.createDirectories(tmp.resolve("run"));
        Files.copy(runDir.resolve("config.json"), noModel.resolve("config.json"));
        CliRun run = run("predict", noModel.toString(), corrupt.toString());
        assertEquals(2, run.code);
        assertEquals("counterweight: " + noModel + ": the run completed no epoch, so it saved no model (no model.zip)", run.err.strip());

        CliRun top = run("predict", runDir.toString(), data.toString(), "--top", "0");
        assertEquals(2, top.code);
        assertTrue(top.err.contains("--top"), top.err);
        CliRun missing = run("predict", runDir.toString(), tmp.resolve("nothing.png").toString());
        assertEquals(2, missing.code);
        assertTrue(missing.err.contains("nothing.png: no such file"), missing.err);
    }
}
