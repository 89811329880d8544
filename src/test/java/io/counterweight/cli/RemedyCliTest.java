package io.counterweight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterweight.core.experiment.ConfigJson;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The newer remedies and --preset on train and compare: options, the preset overridden, one-line errors. */
class RemedyCliTest {
    @TempDir Path tmp;

    @Test
    void trainTakesThePresetAndTheOptionsGivenOverrideIt() throws IOException {
        CliRun r = CliRun.of("train", "demo", "--classes", "4", "--imbalance", "0.2", "--model", "mlp",
                "--preset", "recommended", "--epochs", "2", "--batch", "16", "--warmup", "1",
                "--decay", "step", "--decay-every", "1", "--decay-gamma", "0.5",
                "--sampler", "--loss", "weighted", "--weight-mode", "effective", "--defer-epoch", "2", "--mixup", "0.2",
                "--out", tmp.toString(), "--json");
        assertEquals(0, r.code, r.err);
        JsonNode config = ConfigJson.mapper().readTree(r.out).get("config");
        assertEquals(0.01, config.at("/recipe/learning_rate").asDouble(), "from the preset");
        assertEquals(0.9, config.at("/recipe/momentum").asDouble(), "from the preset");
        assertEquals(2, config.at("/recipe/epochs").asInt(), "given");
        assertEquals(16, config.at("/recipe/batch").asInt(), "given");
        assertEquals(1, config.at("/recipe/warmup").asInt(), "given");
        assertEquals("STEP", config.at("/recipe/decay").asText(), "given: overrides the preset's cosine");
        assertEquals(1, config.at("/recipe/decay_every").asInt());
        assertEquals(0.5, config.at("/recipe/decay_gamma").asDouble());
        assertEquals("WEIGHTED", config.at("/remedies/loss").asText());
        assertEquals("EFFECTIVE_NUMBER", config.at("/remedies/weight_mode").asText());
        assertEquals(2, config.at("/remedies/defer_epoch").asInt());
        assertEquals(0.2, config.at("/remedies/mixup").asDouble());
        assertEquals("improved", config.get("label").asText());
    }

    @Test
    void compareAddsTheNewerRemediesToTheImprovedRunAndTheScheduleToBoth() throws IOException {
        CliRun r = CliRun.of("compare", "demo", "--classes", "4", "--imbalance", "0.2", "--model", "mlp", "--preset", "study",
                "--epochs", "1", "--lr", "0.01", "--loss", "logit-adjusted", "--tau", "0.5", "--warmup", "1",
                "--out", tmp.toString(), "--json");
        assertEquals(0, r.code, r.err);
        JsonNode json = ConfigJson.mapper().readTree(r.out);
        JsonNode baseline = json.at("/baseline/config"), improved = json.at("/improved/config");
        assertEquals("CROSS_ENTROPY", baseline.at("/remedies/loss").asText());
        assertFalse(baseline.at("/remedies/sampler").asBoolean());
        assertEquals("LOGIT_ADJUSTED", improved.at("/remedies/loss").asText());
        assertEquals(0.5, improved.at("/remedies/tau").asDouble());
        assertTrue(improved.at("/remedies/sampler").asBoolean());
        assertEquals(1, baseline.at("/recipe/warmup").asInt());
        assertEquals(1, improved.at("/recipe/warmup").asInt());
        assertEquals(32, improved.at("/recipe/batch").asInt(), "the study preset's batch");
        assertFalse(r.err.contains("ignored"), "no remedy of compare's own was given: " + r.err);
    }

    @Test
    void badRemedyOptionsAreOneLineErrorsNamingTheOption() {
        String[][] cases = {
                {"--loss", "focal", "--loss must be ce, weighted or logit-adjusted, got 'focal'"},
                {"--decay", "linear", "--decay must be none, step or cosine, got 'linear'"},
                {"--preset", "fast", "--preset must be one of study, recommended, got 'fast'"},
                {"--defer-epoch", "2", "--defer-epoch defers the sampler or the weighted loss"},
                {"--mixup", "-1", "--mixup must be an alpha"},
                {"--tau", "0", "--tau must be in (0, 10]"},
                {"--warmup", "9", "--warmup must be in 0..--epochs (3), got 9"},
                {"--decay-gamma", "2", "--decay-gamma must be in (0, 1]"},
                {"--decay-every", "x", "--decay-every"},
        };
        for (String[] c : cases) {
            CliRun r = CliRun.of("train", "demo", c[0], c[1], "--out", tmp.toString());
            assertEquals(2, r.code, c[0] + ": " + r.err);
            assertTrue(r.err.contains(c[2]), c[0] + ": " + r.err);
            assertEquals(1, r.err.strip().lines().count(), "one line: " + r.err);
        }
    }

    @Test
    void helpListsEveryRemedyOption() {
        CliRun r = CliRun.of("train", "--help");
        for (String option : new String[] {"--preset", "--loss", "--tau", "--defer-epoch", "--mixup", "--warmup", "--decay",
                "--decay-every", "--decay-gamma"}) {
            assertTrue(r.out.contains(option), option + " in --help");
        }
        assertTrue(r.out.contains("docs/methods.md"), r.out);
    }
}
