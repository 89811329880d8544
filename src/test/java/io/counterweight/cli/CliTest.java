package io.counterweight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterweight.core.experiment.ConfigJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a user drives it: exit codes, stdout holding exactly one JSON object, one-line errors. */
class CliTest {
    @TempDir Path tmp;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** A CIFAR-10 binary folder in {@code tmp}: see {@link #cifar10(Path, int)}. */
    private Path cifar10(int perClass) throws IOException {
        return cifar10(tmp, perClass);
    }

    /**
     * A CIFAR-10 binary folder with {@code perClass} random images of each of 10 classes in training (spread
     * over the five batch files) and in test.
     */
    static Path cifar10(Path tmp, int perClass) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("cifar-10-batches-bin"));
        Random rnd = new Random(7);
        String[] names = {"data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin", "test_batch.bin"};
        int k = 0; // labels cycle through 0..9 across the five training batches
        for (String name : names) {
            int records = name.startsWith("test") ? 10 * perClass : 2 * perClass;
            if (name.startsWith("test")) k = 0;
            byte[] bytes = new byte[records * 3073];
            rnd.nextBytes(bytes);
            for (int i = 0; i < records; i++) bytes[i * 3073] = (byte) (k++ % 10);
            Files.write(dir.resolve(name), bytes);
        }
        Files.writeString(dir.resolve("batches.meta.txt"),
                "airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n");
        return dir;
    }

    @Test
    void inspectJsonIsOneObjectWithTheClassTable() throws IOException {
        CliRun r = run("inspect", cifar10(6).toString(), "--imbalance", "0.5", "--json");
        assertEquals(0, r.code, r.err);
        JsonNode json = ConfigJson.mapper().readTree(r.out);
        assertTrue(json.isObject());
        assertEquals("cifar10", json.get("format").asText());
        assertEquals(10, json.get("classes").size());
        JsonNode first = json.get("classes").get(0);
        JsonNode last = json.get("classes").get(9);
        assertEquals("airplane", first.get("name").asText());
        // Long tail with u = 0.5 over 10 classes of 6: floor(6 * 0.5^(x/9)) → 6 ... 3.
        assertEquals(6, first.get("train").asInt());
        assertEquals(3, last.get("train").asInt());
        assertEquals(6, last.get("test").asInt(), "the test split stays balanced");
        assertEquals(1.0, first.get("weight").asDouble(), 1e-12);
        assertEquals(2.0, last.get("weight").asDouble(), 1e-12);
        int sum = 0;
        for (JsonNode c : json.get("classes")) sum += c.get("train").asInt();
        assertEquals(sum, json.get("train_total").asInt());
        assertEquals(60, json.get("test_total").asInt());
    }

    @Test
    void inspectDemoPrintsATable() {
        CliRun r = run("inspect", "demo");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("weight"), r.out);
        assertTrue(r.out.contains("total"), r.out);
    }

    @Test
    void missingPathIsAOneLineErrorWithExitCode2() {
        Path missing = tmp.resolve("no-such-folder");
        CliRun r = run("inspect", missing.toString());
        assertEquals(2, r.code);
        assertTrue(r.err.contains(missing.toString()), r.err);
        assertEquals(1, r.err.strip().lines().count(), r.err);
        assertFalse(r.err.contains("Exception"), r.err);
    }

    @Test
    void truncatedCifarFileNamesTheFile() throws IOException {
        Path dir = cifar10(2);
        Path batch = dir.resolve("data_batch_1.bin");
        byte[] bytes = Files.readAllBytes(batch);
        Files.write(batch, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        CliRun r = run("inspect", dir.toString());
        assertEquals(2, r.code);
        assertTrue(r.err.contains("data_batch_1.bin"), r.err);
        assertFalse(r.err.contains("at io.counterweight"), r.err);
    }

    @Test
    void unknownFormatAndOutOfRangeOptionsNameTheOption() {
        CliRun format = run("inspect", "demo", "--format", "jpeg2000");
        assertEquals(2, format.code);
        assertTrue(format.err.contains("--format"), format.err);

        CliRun imbalance = run("inspect", "demo", "--imbalance", "2");
        assertEquals(2, imbalance.code);
        assertTrue(imbalance.err.contains("--imbalance"), imbalance.err);

        CliRun rotate = run("train", "demo", "--rotate", "1.5");
        assertEquals(2, rotate.code);
        assertTrue(rotate.err.contains("--rotate"), rotate.err);

        CliRun epochs = run("train", "demo", "--epochs", "0");
        assertEquals(2, epochs.code);
        assertTrue(epochs.err.contains("--epochs"), epochs.err);

        CliRun notANumber = run("train", "demo", "--batch", "many");
        assertEquals(2, notANumber.code);
        assertTrue(notANumber.err.contains("--batch"), notANumber.err);
    }

    @Test
    void trainJsonHasTheContractKeysAndWritesARunFolder() throws IOException {
        Path out = tmp.resolve("runs");
        CliRun r = run("train", cifar10(8).toString(), "--epochs", "1", "--model", "mlp", "--lr", "0.01",
                "--sampler", "--augment", "0.3", "--out", out.toString(), "--json");
        assertEquals(0, r.code, r.err);
        JsonNode json = ConfigJson.mapper().readTree(r.out);
        for (String key : new String[] {"run_dir", "epochs", "accuracy", "macro_f1", "balanced_accuracy", "per_class",
                "confusion", "images_per_second"}) {
            assertTrue(json.has(key), "missing key " + key + " in " + r.out);
        }
        assertEquals(1, json.get("epochs").asInt());
        assertEquals(10, json.get("per_class").size());
        assertEquals(10, json.get("confusion").size());
        long total = 0;
        for (JsonNode row : json.get("confusion")) for (JsonNode v : row) total += v.asLong();
        assertEquals(80, total, "every test image is counted once");
        Path runDir = Path.of(json.get("run_dir").asText());
        assertTrue(Files.isRegularFile(runDir.resolve("config.json")));
        assertTrue(Files.isRegularFile(runDir.resolve("provenance.json")));
        assertTrue(Files.isRegularFile(runDir.resolve("metrics.csv")));
        assertTrue(r.err.contains("epoch 1"), "progress goes to stderr: " + r.err);
    }

    @Test
    void compareJsonHoldsBaselineAndImprovedRuns() throws IOException {
        Path out = tmp.resolve("runs");
        CliRun r = run("compare", cifar10(6).toString(), "--epochs", "1", "--model", "mlp", "--lr", "0.01",
                "--sampler", "--out", out.toString(), "--json");
        assertEquals(0, r.code, r.err);
        assertTrue(r.err.contains("--sampler and the augmentation options are ignored"), r.err);
        JsonNode json = ConfigJson.mapper().readTree(r.out);
        assertTrue(json.get("baseline").has("macro_f1"));
        assertTrue(json.get("improved").has("macro_f1"));
        JsonNode improvedConfig = ConfigJson.mapper().readTree(
                Path.of(json.get("improved").get("run_dir").asText()).resolve("config.json").toFile());
        assertTrue(improvedConfig.at("/remedies/sampler").asBoolean());
        JsonNode baselineConfig = ConfigJson.mapper().readTree(
                Path.of(json.get("baseline").get("run_dir").asText()).resolve("config.json").toFile());
        assertFalse(baselineConfig.at("/remedies/sampler").asBoolean());
        assertEquals(baselineConfig.get("seed").asLong(), improvedConfig.get("seed").asLong());
    }
}
