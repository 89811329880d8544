package io.counterweight.cli;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.report.ReportCsv;
import io.counterweight.core.report.ReportedRun;
import io.counterweight.core.report.RunReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code counterweight report}: one run, or several side by side, as a self-contained HTML file (and CSVs). */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write one run, or a comparison of runs, as a self-contained HTML report (and CSV tables).")
final class ReportCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "Run folders; the first is the reference of the comparison.")
    List<Path> runDirs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.html", description = "The HTML file to write.")
    Path output;

    @Option(names = "--csv", paramLabel = "DIR", description = "Also write metrics.csv and per_class.csv into DIR.")
    Path csvDir;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        if (Files.isDirectory(output)) throw new CounterweightException("-o " + output + ": is a folder, give a file name");
        if (csvDir != null && Files.exists(csvDir) && !Files.isDirectory(csvDir)) {
            throw new CounterweightException("--csv " + csvDir + ": is a file, give a folder");
        }
        List<ReportedRun> runs = ReportedRun.loadAll(runDirs);
        RunReport.write(output, runs);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Wrote " + output.toAbsolutePath() + " (" + runs.size() + " run" + (runs.size() == 1 ? "" : "s") + ")");
        if (csvDir != null) for (Path p : ReportCsv.writeAll(csvDir, runs)) out.println("Wrote " + p.toAbsolutePath());
        out.flush();
        return 0;
    }
}
