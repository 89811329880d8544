package io.counterweight.cli;

import io.counterweight.core.Durations;
import io.counterweight.core.experiment.ConfigJson;
import io.counterweight.core.experiment.RunSummary;
import io.counterweight.core.experiment.RunCatalog;
import io.counterweight.core.experiment.Workspace;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code counterweight runs}: the run history of the workspace, newest first, read from the run folders. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List the runs in the workspace, newest first: status, epochs, accuracy, macro-F1.")
final class RunsCommand implements Callable<Integer> {
    @Option(names = "--workspace", paramLabel = "DIR",
            description = "The workspace (default: $COUNTERWEIGHT_WORKSPACE, else the platform's application data folder).")
    String workspace;

    @Option(names = "--json", description = "Print one JSON array on stdout.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        Workspace ws = Workspace.resolve(workspace);
        List<RunSummary> runs = RunCatalog.list(ws.dir());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (RunSummary s : runs) rows.add(toJson(s));
            out.println(ConfigJson.write(rows));
        } else if (runs.isEmpty()) {
            out.println("No runs in " + ws.dir() + " yet: 'counterweight train demo' makes one.");
        } else {
            out.println("Runs in " + ws.dir() + ", newest first:");
            String row = "%-36s %-11s %7s %9s %8s %9s  %s%n";
            out.printf(Locale.ROOT, row, "run", "status", "epochs", "accuracy", "macro-F1", "time", "data / remedies");
            for (RunSummary s : runs) {
                out.printf(Locale.ROOT, row, s.name(), s.status().id(), s.epochsDone() + "/" + s.epochs(), pct(s.accuracy()),
                        num(s.macroF1()), Durations.clock(s.seconds()), s.data() + " / " + s.remedies()
                                + (s.problem() == null ? "" : "  [" + s.problem() + "]"));
            }
        }
        out.flush();
        return 0;
    }

    /** The contract scripts rely on: run_dir (absolute), label, model, data, status, epochs_done, epochs, accuracy, macro_f1 (null when no epoch finished). */
    static Map<String, Object> toJson(RunSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_dir", s.runDir().toString());
        m.put("name", s.name());
        m.put("label", s.label());
        m.put("model", s.model());
        m.put("data", s.data());
        m.put("remedies", s.remedies());
        m.put("status", s.status().id());
        m.put("epochs_done", s.epochsDone());
        m.put("epochs", s.epochs());
        m.put("accuracy", finite(s.accuracy()));
        m.put("macro_f1", finite(s.macroF1()));
        m.put("balanced_accuracy", finite(s.balancedAccuracy()));
        m.put("start_time", s.startTime());
        m.put("seconds", s.seconds());
        m.put("tags", s.tags());
        m.put("problem", s.problem());
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f%%", 100 * v) : "n/a";
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "n/a";
    }
}
