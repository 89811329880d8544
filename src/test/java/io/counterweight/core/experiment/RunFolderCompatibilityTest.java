package io.counterweight.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterweight.core.augment.AugmentConfig;
import io.counterweight.core.data.DatasetFormat;
import io.counterweight.core.train.LossKind;
import io.counterweight.core.train.LrDecay;
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
        assertEquals(LrDecay.NONE, c.recipe().decay(), "remedies newer than the folder are off");
        assertEquals(0, c.recipe().warmup());
        assertEquals(LossKind.CROSS_ENTROPY, c.remedies().loss());
        assertEquals(0, c.remedies().deferEpoch());
        assertEquals(0, c.remedies().mixup());
        assertFalse(c.remedies().any());
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
    void aNestedConfigWrittenBeforeTheNewerRemediesReadsWithThemOff() throws IOException {
        ExperimentConfig before = ExperimentConfig.study("/data/x").toBuilder().sampler(true).label("improved").build();
        JsonNode tree = ConfigJson.mapper().valueToTree(before);
        for (String key : List.of("loss", "tau", "defer_epoch", "mixup")) ((ObjectNode) tree.get("remedies")).remove(key);
        for (String key : List.of("warmup", "decay", "decay_every", "decay_gamma")) ((ObjectNode) tree.get("recipe")).remove(key);
        Path file = tmp.resolve("config.json");
        Files.writeString(file, tree.toString());
        ExperimentConfig read = ConfigJson.readConfig(file).validate();
        assertEquals(before, read);
        assertEquals(1.0, read.remedies().tau(), "a missing τ is the default, not 0");
        assertEquals(0.1, read.recipe().decayGamma());
    }

    @Test
    void everyNewerRemedyRoundTripsThroughConfigJson() throws IOException {
        ExperimentConfig c = ExperimentConfig.study("/data/x").toBuilder().sampler(true).loss(LossKind.WEIGHTED).tau(0.7)
                .deferEpoch(30).mixup(0.2).warmup(3).decay(LrDecay.STEP).decayEvery(7).decayGamma(0.5).build().validate();
        Path file = tmp.resolve("config.json");
        ConfigJson.write(file, c);
        assertEquals(c, ConfigJson.readConfig(file));
        JsonNode tree = ConfigJson.mapper().readTree(file.toFile());
        assertEquals("WEIGHTED", tree.at("/remedies/loss").asText());
        assertEquals(30, tree.at("/remedies/defer_epoch").asInt());
        assertEquals(0.2, tree.at("/remedies/mixup").asDouble());
        assertEquals("STEP", tree.at("/recipe/decay").asText());
        assertEquals(0.5, tree.at("/recipe/decay_gamma").asDouble());
    }

    @Test
    void theNewerSettingsAreValidatedNamingTheirOption() {
        ExperimentConfig.Builder b = ExperimentConfig.study("/data/x").toBuilder();
        assertEquals("--tau must be in (0, 10], got 0.0", message(b.build().toBuilder().loss(LossKind.LOGIT_ADJUSTED).tau(0)));
        assertEquals("--defer-epoch defers the sampler or the weighted loss: add --sampler or --loss weighted",
                message(b.build().toBuilder().deferEpoch(5)));
        assertEquals("--defer-epoch must be at most --epochs (50), got 60", message(b.build().toBuilder().sampler(true).deferEpoch(60)));
        assertEquals("--mixup must be an alpha in [0, 100] (0 = off), got -1.0", message(b.build().toBuilder().mixup(-1)));
        assertEquals("--warmup must be in 0..--epochs (50), got 51", message(b.build().toBuilder().warmup(51)));
        assertEquals("--decay-every must be at least 1 epoch, got 0", message(b.build().toBuilder().decayEvery(0)));
        assertEquals("--decay-gamma must be in (0, 1], got 1.5", message(b.build().toBuilder().decayGamma(1.5)));
    }

    private static String message(ExperimentConfig.Builder b) {
        return org.junit.jupiter.api.Assertions.assertThrows(io.counterweight.core.CounterweightException.class,
                () -> b.build().validate()).getMessage();
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
