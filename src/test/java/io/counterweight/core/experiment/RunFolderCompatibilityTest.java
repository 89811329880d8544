package io.counterweight.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterweight.core.augment.AugmentConfig;
import io.counterweight.core.data.DatasetFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run folders outlive versions: a folder written by Counterweight 0.1 (flat config.json and
 * provenance.json, kept in test resources as that version wrote it) still opens, and the current
 * nested layout round-trips.
 */
class RunFolderCompatibilityTest {
    private static final List<String> FILES = List.of("config.json", "provenance.json", "metrics.csv", "result.json",
            "confusion/epoch-001.csv");

    @TempDir Path tmp;

    private Path copyOfOldRunFolder() throws IOException {
        Path dir = tmp.resolve("20261202-033720-baseline-mlp");
        Files.createDirectories(dir.resolve("confusion"));
        for (String f : FILES) {
            try (InputStream in = getClass().getResourceAsStream("/run-folder-0.1/" + f)) {
                assertNotNull(in, f);
                Files.copy(in, dir.resolve(f));
            }
        }
        return dir;
    }

    @Test
    void aRunFolderOfVersion01StillOpens() throws IOException {
        Path dir = copyOfOldRunFolder();
        RunResult r = RunStore.open(dir);
        ExperimentConfig c = r.config();
        assertEquals("demo", c.data().path());
        assertEquals(DatasetFormat.AUTO, c.data().format());
        assertTrue(c.isDemo());
        assertFalse(c.remedies().sampler());
        assertEquals(AugmentConfig.none(), c.remedies().augment());
        assertEquals(new ExperimentConfig.Recipe("mlp", 1, 32, 0.01, 0.9), c.recipe());
        assertEquals(42, c.seed());
        assertEquals("baseline", c.label());
        assertEquals(1, r.epochsDone());
        assertFalse(r.cancelled());
        assertEquals(8, r.report().perClass().size());

        Provenance p = RunStore.readProvenance(dir);
        assertEquals("demo shapes", p.data().name());
        assertEquals(List.of(500, 285, 163, 93, 53, 30, 17, 10), p.data().trainCounts());
        assertEquals("1.0.0-M2.1", p.software().dl4j());
        assertEquals("completed", p.status());
        assertNull(p.speed(), "0.1 recorded no speed settings");
    }

    @Test
    void theNestedConfigRoundTripsAndReadsAsThreeParts() throws IOException {
        ExperimentConfig c = ExperimentConfig.study("/data/cifar-100-binary").toBuilder()
                .classes(50).imbalance(0.02).sampler(true).augment(AugmentConfig.study()).label("improved").build();
        Path file = tmp.resolve("config.json");
        ConfigJson.write(file, c);
        assertEquals(c, ConfigJson.readConfig(file));
        JsonNode tree = ConfigJson.mapper().readTree(file.toFile());
        assertEquals("/data/cifar-100-binary", tree.at("/data/path").asText());
        assertEquals(0.02, tree.at("/data/imbalance").asDouble());
        assertTrue(tree.at("/remedies/sampler").asBoolean());
        assertEquals(1e-4, tree.at("/recipe/learning_rate").asDouble());
        assertFalse(tree.has("demo"), "derived values are not stored");
        assertFalse(Files.exists(tmp.resolve("config.json.tmp")), "written via a temporary file that is moved");
    }
}
