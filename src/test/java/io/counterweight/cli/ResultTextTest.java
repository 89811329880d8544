package io.counterweight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.metrics.ClassificationReport;
import io.counterweight.core.metrics.ConfusionMatrix;
import io.counterweight.core.train.TrainingControl;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The text {@code train} prints, including for a run stopped before its first epoch completed. */
class ResultTextTest {
    @TempDir Path tmp;

    @Test
    void aRunStoppedBeforeAnyEpochSaysSoAndGivesTheFolder() {
        Path dir = Path.of("runs", "20240101-000000-baseline-mlp");
        ExperimentConfig cfg = ExperimentConfig.fastDemo().toBuilder().label("baseline").build();
        RunResult r = RunResult.of(dir, cfg, true, null, null, List.of());

        String text = ResultText.summary(r);

        assertTrue(text.contains("stopped before any epoch completed"), text);
        assertTrue(text.contains("run folder: " + dir), text);
        assertFalse(text.contains("accuracy"), "no metrics without an epoch: " + text);
    }

    @Test
    void aCompletedRunNamesTheGroupsByTheReportsThresholds() {
        ConfusionMatrix cm = ConfusionMatrix.of(new long[][] {{9, 1}, {8, 2}});
        ClassificationReport report = ClassificationReport.of(cm, List.of("a", "b"), new int[] {200, 10});
        ExperimentConfig cfg = ExperimentConfig.fastDemo().toBuilder().label("baseline").build();
        RunResult r = new RunResult(Path.of("runs", "x"), cfg, 1, false, report, cm, 100, List.of());

        String text = ResultText.summary(r);

        List<String> labels = ClassificationReport.groupLabels();
        assertTrue(text.contains("(classes with " + String.join(" / ", labels) + " training images)"), text);
        assertTrue(text.contains("accuracy 55.00%"), text);
    }

    /** {@code train}, its control stopped before the first batch (as Ctrl-C at once would). */
    @Command(name = "train-stopped-at-once")
    static final class StoppedAtOnce extends TrainingCommand<RunResult> {
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

    @Test
    void theCliPrintsTheStoppedRunAndExits130WhenStoppedBeforeTheFirstEpoch() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.addSubcommand(new StoppedAtOnce());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        Path runs = tmp.resolve("runs");

        int code = cli.execute("train-stopped-at-once", "demo", "--model", "mlp", "--epochs", "1",
                "--out", runs.toString());

        assertEquals(Main.EXIT_STOPPED, code, err.toString());
        assertTrue(out.toString().contains("stopped before any epoch completed"), out.toString());
        try (var folders = Files.list(runs)) {
            Path runDir = folders.findFirst().orElseThrow();
            assertTrue(out.toString().contains("run folder: " + runDir), out.toString());
        }
    }
}
