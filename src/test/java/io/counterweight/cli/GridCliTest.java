package io.counterweight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterweight.core.experiment.ConfigJson;
import io.counterweight.core.experiment.RunStore;
import io.counterweight.core.experiment.grid.GridEvent;
import io.counterweight.core.report.GridTable;
import io.counterweight.core.train.TrainingControl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code counterweight grid} end to end on the generated demo set (MLP, one epoch, 2 remedies × 2 seeds):
 * the JSON contract, the outputs, {@code --collect} giving the same tables, emitted commands and Slurm
 * script that parse, and a stopped grid finished by running the same command again.
 */
class GridCliTest {
    @TempDir Path tmp;

    private List<String> gridArgs(Path workspace, String... more) {
        return gridArgs(2, workspace, more);
    }

    private List<String> gridArgs(int seeds, Path workspace, String... more) {
        List<String> a = new ArrayList<>(List.of("grid", "demo", "--model", "mlp", "--epochs", "1", "--classes", "3",
                "--imbalance", "0.1", "--remedies", "baseline,sampler", "--seeds", String.valueOf(seeds), "--workspace",
                workspace.toString()));
        a.addAll(Arrays.asList(more));
        return a;
    }

    @Test
    void gridThenCollectThenEmit() throws Exception {
        Path ws = tmp.resolve("ws");
        CliRun run = CliRun.of(gridArgs(ws, "--json").toArray(String[]::new));
        assertEquals(0, run.code, run.err);
        JsonNode local = ConfigJson.mapper().readTree(run.out);
        assertEquals(4, local.get("cells").size());
        for (JsonNode c : local.get("cells")) assertEquals("finished", c.get("status").asText());
        JsonNode summary = local.get("summary");
        assertEquals(2, summary.size());
        assertEquals("baseline", summary.get(0).get("remedy").asText());
        assertEquals("sampler", summary.get(1).get("remedy").asText());
        for (JsonNode row : summary) {
            assertEquals(0.1, row.get("imbalance").asDouble());
            assertEquals(2, row.get("n").asInt());
            for (String m : GridTable.METRICS) {
                assertTrue(row.has(m + "_mean") && row.has(m + "_std"), m);
            }
            assertTrue(row.get("macro_f1_mean").asDouble() > 0);
        }
        Path gridDir = Path.of(local.get("grid_dir").asText());
        for (String f : List.of("grid.json", "summary.csv", "cells.csv", "class_gains.csv", "macro_f1.png", "grid.html")) {
            assertTrue(Files.size(gridDir.resolve(f)) > 0, f);
        }
        assertEquals(4, RunStore.list(ws).size());

        // the same table from the run folders alone, wherever they are
        Path elsewhere = tmp.resolve("copied");
        copy(ws, elsewhere);
        CliRun collected = CliRun.of("grid", "--collect", elsewhere.toString(), "--workspace", tmp.resolve("ws2").toString(), "--json");
        assertEquals(0, collected.code, collected.err);
        JsonNode fromFolders = ConfigJson.mapper().readTree(collected.out);
        assertEquals(summary, fromFolders.get("summary"));
        assertEquals(local.get("class_gains"), fromFolders.get("class_gains"));

        // emitted command lines: shell words that picocli parses as the grid's cells; running one skips it (done)
        CliRun commands = CliRun.of(gridArgs(ws, "--emit", "commands").toArray(String[]::new));
        assertEquals(0, commands.code, commands.err);
        List<String> lines = commands.out.lines().toList();
        assertEquals(4, lines.size());
        for (int i = 0; i < lines.size(); i++) {
            List<String> words = shellWords(lines.get(i), "");
            assertEquals("counterweight", words.get(0));
            assertCell(words.subList(1, words.size()), i + 1, gridDir);
        }
        List<String> first = shellWords(lines.get(0), "");
        CliRun cell = CliRun.of(first.subList(1, first.size()).toArray(String[]::new));
        assertEquals(0, cell.code, cell.err);
        assertEquals(4, RunStore.list(ws).size()); // cell 1 was done: nothing trained

        CliRun slurm = CliRun.of(gridArgs(ws, "--emit", "slurm").toArray(String[]::new));
        assertEquals(0, slurm.code, slurm.err);
        Path script = tmp.resolve("grid.sbatch");
        Files.writeString(script, slurm.out);
        Process check = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        assertEquals(0, check.waitFor(), new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertTrue(slurm.out.contains("#SBATCH --array=1-4\n"), slurm.out);
        String command = slurm.out.lines().filter(l -> l.startsWith("\"$COUNTERWEIGHT\"")).findFirst().orElseThrow();
        List<String> task3 = shellWords(command, "SLURM_ARRAY_TASK_ID=3; COUNTERWEIGHT=counterweight; ");
        assertCell(task3.subList(1, task3.size()), 3, gridDir);
    }

    @Test
    void unknownRemedyIsOneLineError() {
        CliRun run = CliRun.of("grid", "demo", "--remedies", "baseline,mixpu", "--workspace", tmp.toString());
        assertEquals(Main.EXIT_USER_ERROR, run.code);
        assertEquals("counterweight: --remedies: unknown remedy 'mixpu' in 'mixpu'; known: baseline, sampler, augment, weighted, drw, drs, logit-adjust, mixup (combine with +)",
                run.err.strip());
        CliRun help = CliRun.of("grid", "--help");
        for (String n : List.of("baseline", "sampler", "augment")) assertTrue(help.out.contains("  " + n + " "), help.out);
    }

    /** The grid command, stopped as Ctrl-C would stop it once its first cell finished. */
    @Command(name = "grid", modelTransformer = GridCommand.ImbalanceList.class)
    static final class StoppedAfterFirstCell extends GridCommand {
        @Override
        void observe(GridEvent event, TrainingControl control) {
            if (event instanceof GridEvent.CellFinished) control.cancel();
        }
    }

    @Test
    void aStoppedGridFinishesWhenTheSameCommandRunsAgain() throws Exception {
        Path ws = tmp.resolve("ws");
        List<String> args = gridArgs(1, ws, "--json");
        CommandLine stopping = new CommandLine(new StoppedAfterFirstCell());
        CliErrors.install(stopping);
        CliRun stopped = CliRun.of(stopping, args.subList(1, args.size()).toArray(String[]::new));
        assertEquals(Main.EXIT_STOPPED, stopped.code, stopped.err);
        JsonNode partial = ConfigJson.mapper().readTree(stopped.out);
        assertTrue(partial.get("cancelled").asBoolean());
        assertEquals(List.of("finished", "pending"), statuses(partial));
        String keptDir = partial.get("cells").get(0).get("run_dir").asText();

        CliRun again = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, again.code, again.err);
        JsonNode whole = ConfigJson.mapper().readTree(again.out);
        assertEquals(List.of("finished", "finished"), statuses(whole));
        assertEquals(keptDir, whole.get("cells").get(0).get("run_dir").asText());
        assertEquals(2, RunStore.list(ws).size());
        assertTrue(again.err.contains("1 done already"), again.err);
    }

    private static List<String> statuses(JsonNode json) {
        List<String> s = new ArrayList<>();
        json.get("cells").forEach(c -> s.add(c.get("status").asText()));
        return s;
    }

    /** Picocli parses {@code args} as {@code grid --resume GRID_DIR --cell index}. */
    private static void assertCell(List<String> args, int index, Path gridDir) {
        CommandLine.ParseResult parsed = Main.commandLine().parseArgs(args.toArray(String[]::new));
        CommandLine.ParseResult grid = parsed.subcommand();
        assertEquals("grid", grid.commandSpec().name());
        assertEquals(index, (int) grid.matchedOptionValue("--cell", 0));
        assertEquals(gridDir, grid.matchedOptionValue("--resume", Path.of("")));
    }

    /** The words bash makes of {@code line} (after running {@code prelude}), as a scheduler's shell would. */
    private static List<String> shellWords(String line, String prelude) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", prelude + "eval \"set -- $1\"; printf '%s\\0' \"$@\"", "_", line).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        return Arrays.asList(out.split("\0"));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target); else Files.copy(p, target);
            }
        }
    }
}
