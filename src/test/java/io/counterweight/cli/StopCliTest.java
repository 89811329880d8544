package io.counterweight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterweight.core.experiment.Comparison;
import io.counterweight.core.experiment.ConfigJson;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.ExperimentRunner;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingEvent;
import io.counterweight.core.train.TrainingListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A stop (what Ctrl-C does through RunSupport's hook: cancel the TrainingControl) in the middle of
 * {@code compare} and {@code train}, driven without signals: stdout still gets what exists, exit code 130.
 */
class StopCliTest {
    @TempDir Path tmp;

    private record Outcome(int code, String out, String err) { }

    /** {@code compare}, stopped when the run labelled {@code stopAfter} finishes its first epoch (as Ctrl-C then would). */
    @Command(name = "compare-stopped")
    static final class CompareStopped extends TrainingCommand<Comparison> {
        private final CompareCommand compare = new CompareCommand();
        private final String stopAfter;

        CompareStopped(String stopAfter) {
            this.stopAfter = stopAfter;
        }

        @Override
        Comparison execute(ExperimentConfig config, Path outDir, ProgressPrinter progress, TrainingControl control) {
            String[] running = {""};
            TrainingListener stopper = event -> {
                progress.onEvent(event);
                if (event instanceof TrainingEvent.Started s) running[0] = s.label();
                if (event instanceof TrainingEvent.EpochDone && running[0].equals(stopAfter)) control.cancel();
            };
            return ExperimentRunner.compare(config, outDir, stopper, control, progress);
        }

        @Override
        Object toJson(Comparison result) {
            return compare.toJson(result);
        }

        @Override
        String toText(Comparison result) {
            return compare.toText(result);
        }

        @Override
        boolean stopped(Comparison result) {
            return compare.stopped(result);
        }
    }

    /** {@code train}, stopped before it starts: the CIFAR reader sees the cancelled progress while loading. */
    @Command(name = "train-stopped-loading")
    static final class TrainStoppedLoading extends TrainingCommand<RunResult> {
        private final TrainCommand train = new TrainCommand();

        @Override
        RunResult execute(ExperimentConfig config, Path outDir, ProgressPrinter progress, TrainingControl control) {
            control.cancel();
            train.recipe = recipe;
            return train.execute(config, outDir, progress, control);
        }

        @Override
        Object toJson(RunResult result) {
            return train.toJson(result);
        }

        @Override
        String toText(RunResult result) {
            return train.toText(result);
        }

        @Override
        boolean stopped(RunResult result) {
            return train.stopped(result);
        }
    }

    private static Outcome run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.addSubcommand(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private Outcome compareStoppedAfterFirstEpochOf(String label, boolean json) throws IOException {
        Path data = CliTest.cifar10(tmp, 6);
        String[] args = {"compare-stopped", data.toString(), "--epochs", "2", "--model", "mlp", "--lr", "0.01",
                "--out", tmp.resolve("runs").toString()};
        if (json) {
            args = java.util.Arrays.copyOf(args, args.length + 1);
            args[args.length - 1] = "--json";
        }
        return run(new CompareStopped(label), args);
    }

    @Test
    void compareStoppedDuringTheImprovedRunPrintsBothRunsAsJson() throws IOException {
        Outcome r = compareStoppedAfterFirstEpochOf("improved", true);

        assertEquals(Main.EXIT_STOPPED, r.code, r.err);
        JsonNode json = ConfigJson.mapper().readTree(r.out);
        assertTrue(json.get("cancelled").asBoolean(), r.out);
        JsonNode baseline = json.get("baseline");
        assertFalse(baseline.get("cancelled").asBoolean());
        assertEquals(2, baseline.get("epochs").asInt());
        assertTrue(baseline.get("macro_f1").isNumber());
        JsonNode improved = json.get("improved");
        assertTrue(improved.get("cancelled").asBoolean());
        assertEquals(1, improved.get("epochs").asInt());
        for (JsonNode run : new JsonNode[] {baseline, improved}) {
            assertTrue(Files.isRegularFile(Path.of(run.get("run_dir").asText()).resolve("config.json")), run.toString());
        }
    }

    @Test
    void compareStoppedDuringTheImprovedRunPrintsTheBaselineAndSaysTheImprovedStopped() throws IOException {
        Outcome r = compareStoppedAfterFirstEpochOf("improved", false);

        assertEquals(Main.EXIT_STOPPED, r.code, r.err);
        assertTrue(r.out.startsWith("baseline after 2 epoch(s)\n".replace("\n", System.lineSeparator())), r.out);
        assertTrue(r.out.contains("macro-F1"), r.out);
        assertTrue(r.out.contains("improved run stopped after 1 epoch(s); no comparison"), r.out);
        assertTrue(r.out.lines().anyMatch(l -> l.startsWith("Run folders: ") && l.contains("-baseline-") && l.contains("-improved-")),
                r.out);
        assertFalse(r.out.contains("F1-score (macro)"), "no table of runs that trained unequally long: " + r.out);
    }

    @Test
    void compareStoppedDuringTheBaselineSaysTheImprovedRunDidNotTrain() throws IOException {
        Outcome text = compareStoppedAfterFirstEpochOf("baseline", false);
        assertEquals(Main.EXIT_STOPPED, text.code, text.err);
        assertTrue(text.out.contains("baseline after 1 epoch(s) (stopped)"), text.out);
        assertTrue(text.out.contains("stopped during the baseline: the improved run did not train"), text.out);

        Outcome r = compareStoppedAfterFirstEpochOf("baseline", true);
        JsonNode json = ConfigJson.mapper().readTree(r.out);
        assertTrue(json.get("cancelled").asBoolean());
        assertTrue(json.at("/baseline/cancelled").asBoolean());
        assertEquals(1, json.at("/baseline/epochs").asInt());
        assertEquals(0, json.at("/improved/epochs").asInt());
    }

    @Test
    void compareThatRanToTheEndSaysNotCancelled() throws IOException {
        Outcome r = run(new CompareStopped("no such run"), "compare-stopped", CliTest.cifar10(tmp, 6).toString(),
                "--epochs", "1", "--model", "mlp", "--out", tmp.resolve("runs").toString(), "--json");
        assertEquals(0, r.code, r.err);
        assertFalse(ConfigJson.mapper().readTree(r.out).get("cancelled").asBoolean());
    }

    @Test
    void aStopWhileLoadingEndsWithOneLineAndAStoppedErrorObject() throws IOException {
        Path data = CliTest.cifar10(tmp, 6);
        Outcome r = run(new TrainStoppedLoading(), "train-stopped-loading", data.toString(), "--model", "mlp",
                "--out", tmp.resolve("runs").toString(), "--json");

        assertEquals(Main.EXIT_STOPPED, r.code, r.err);
        assertEquals("counterweight: stopped", r.err.strip());
        JsonNode error = ConfigJson.mapper().readTree(r.out).get("error");
        assertEquals("stopped", error.get("message").asText());
        assertEquals("stopped", error.get("kind").asText());
        assertEquals(130, error.get("exit_code").asInt());
        Path runs = tmp.resolve("runs"); // made before loading, to check it is writable
        try (var folders = Files.list(runs)) {
            assertEquals(0, folders.count(), "no run folder for a run that never started");
        }
    }
}
