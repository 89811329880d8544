package io.counterweight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterweight.core.experiment.ConfigJson;
import io.counterweight.core.experiment.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace, {@code runs} and {@code train --from} as a script drives them. */
class RunHistoryCliTest {
    @TempDir Path tmp;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static final String[] TINY = {"--model", "mlp", "--epochs", "1", "--classes", "3", "--imbalance", "0.2"};

    private CliRun trainDemo(Path workspace, String... extra) {
        String[] args = new String[4 + TINY.length + extra.length];
        args[0] = "train";
        args[1] = "demo";
        args[2] = "--workspace";
        args[3] = workspace.toString();
        System.arraycopy(TINY, 0, args, 4, TINY.length);
        System.arraycopy(extra, 0, args, 4 + TINY.length, extra.length);
        return run(args);
    }

    @Test
    void runsListsTheWorkspaceNewestFirstAsJson() throws Exception {
        Path ws = tmp.resolve("ws");
        assertEquals(0, trainDemo(ws, "--json").code);
        CliRun second = trainDemo(ws, "--sampler", "--json");
        assertEquals(0, second.code, second.err);
        CliRun listed = run("runs", "--workspace", ws.toString(), "--json");
        assertEquals(0, listed.code, listed.err);
        JsonNode runs = ConfigJson.mapper().readTree(listed.out);
        assertEquals(2, runs.size());
        JsonNode newest = runs.get(0);
        assertEquals(ConfigJson.mapper().readTree(second.out).get("run_dir").asText(), newest.get("run_dir").asText());
        assertTrue(Path.of(newest.get("run_dir").asText()).isAbsolute());
        assertEquals("improved", newest.get("label").asText());
        assertEquals("mlp", newest.get("model").asText());
        assertEquals("finished", newest.get("status").asText());
        assertEquals(1, newest.get("epochs_done").asInt());
        assertEquals(1, newest.get("epochs").asInt());
        assertTrue(newest.get("accuracy").isNumber() && newest.get("macro_f1").isNumber());
        assertEquals("baseline", runs.get(1).get("label").asText());

        CliRun text = run("runs", "--workspace", ws.toString());
        assertTrue(text.out.contains("finished"), text.out);
        CliRun empty = run("runs", "--workspace", tmp.resolve("nothing-here").toString(), "--json");
        assertEquals("[ ]", empty.out.strip());
    }

    @Test
    void trainFromARunFolderRepeatsItWithOnlyTheGivenOptionsChanged() throws Exception {
        Path ws = tmp.resolve("ws");
        CliRun first = trainDemo(ws, "--json");
        JsonNode a = ConfigJson.mapper().readTree(first.out);
        Path runDir = Path.of(a.get("run_dir").asText());

        CliRun again = run("train", "--from", runDir.toString(), "--out", tmp.resolve("elsewhere").toString(), "--json");
        assertEquals(0, again.code, again.err);
        JsonNode b = ConfigJson.mapper().readTree(again.out);
        assertEquals(a.get("accuracy").asDouble(), b.get("accuracy").asDouble(), 0, "the same run, the same numbers");
        assertEquals(a.get("confusion"), b.get("confusion"));
        assertTrue(b.get("run_dir").asText().startsWith(tmp.resolve("elsewhere").toString()), "--out wins for one run");
        assertFalse(again.err.contains("note:"), again.err);
        JsonNode prov = ConfigJson.mapper().readTree(Path.of(b.get("run_dir").asText()).resolve(RunStore.PROVENANCE).toFile());
        assertEquals(runDir.toString(), prov.get("repeat_of").asText());

        CliRun changed = run("train", "--from", runDir.toString(), "--workspace", ws.toString(), "--epochs", "2", "--json");
        assertEquals(0, changed.code, changed.err);
        JsonNode c = ConfigJson.mapper().readTree(changed.out);
        assertEquals(2, c.get("epochs").asInt());
        JsonNode cfg = ConfigJson.mapper().readTree(Path.of(c.get("run_dir").asText()).resolve(RunStore.CONFIG).toFile());
        assertEquals(3, cfg.at("/data/classes").asInt(), "options not given keep the run's values");
        assertEquals(0.2, cfg.at("/data/imbalance").asDouble());
        assertEquals("mlp", cfg.at("/recipe/model").asText());
    }

    @Test
    void badRunFoldersAndUnwritableWorkspacesAreOneLineErrorsBeforeTraining() throws Exception {
        Path notARun = Files.createDirectories(tmp.resolve("holiday"));
        CliRun r = run("train", "--from", notARun.toString());
        assertEquals(Main.EXIT_USER_ERROR, r.code);
        assertEquals("counterweight: --from " + notARun + ": not a Counterweight run folder (no config.json)", r.err.strip());

        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        CliRun w = trainDemo(file.resolve("ws"));
        assertEquals(Main.EXIT_USER_ERROR, w.code);
        assertTrue(w.err.strip().startsWith("counterweight: workspace " + file.resolve("ws") + ": cannot create it"), w.err);
        assertEquals(1, w.err.strip().lines().count());

        CliRun noData = run("train");
        assertEquals(Main.EXIT_USER_ERROR, noData.code);
        assertTrue(noData.err.contains("DATA"), noData.err);
    }

    @Test
    void resumeFinishesAKilledRunInItsFolderAndRefusesWhatItCannotContinue() throws Exception {
        Path ws = tmp.resolve("ws");
        CliRun first = trainDemo(ws, "--json");
        Path runDir = Path.of(ConfigJson.mapper().readTree(first.out).get("run_dir").asText());

        CliRun finished = run("train", "--resume", runDir.toString());
        assertEquals(Main.EXIT_USER_ERROR, finished.code);
        assertTrue(finished.err.contains("finished all its epochs"), finished.err);
        CliRun changing = run("train", "--resume", runDir.toString(), "--epochs", "5");
        assertEquals(Main.EXIT_USER_ERROR, changing.code);
        assertTrue(changing.err.contains("--epochs cannot change it"), changing.err);

        // killed after its last checkpoint, before it wrote its ending: provenance says running, no result.json
        JsonNode prov = ConfigJson.mapper().readTree(runDir.resolve(RunStore.PROVENANCE).toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) prov).put("status", "running");
        Files.writeString(runDir.resolve(RunStore.PROVENANCE), prov.toString());
        Files.delete(runDir.resolve(RunStore.RESULT));
        CliRun resumed = run("train", "--resume", runDir.toString(), "--json");
        assertEquals(0, resumed.code, resumed.err);
        JsonNode result = ConfigJson.mapper().readTree(resumed.out);
        assertEquals(runDir.toString(), result.get("run_dir").asText());
        assertEquals("finished", result.get("status").asText());
        assertEquals(ConfigJson.mapper().readTree(first.out).get("accuracy").asDouble(), result.get("accuracy").asDouble(), 0);
        assertTrue(Files.isRegularFile(runDir.resolve(RunStore.RESULT)));
    }
}
