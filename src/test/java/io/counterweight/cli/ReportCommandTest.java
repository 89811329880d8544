package io.counterweight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.report.ReportCsv;
import io.counterweight.core.report.ReportFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code counterweight report} as a script drives it: files written and exit 0, one-line errors and exit 2. */
class ReportCommandTest {
    @TempDir static Path tmp;
    static List<Path> runs;

    private record Outcome(int code, String out, String err) { }

    @BeforeAll
    static void train() {
        runs = ReportFixture.twoRuns(tmp.resolve("runs"));
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Outcome(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void writesTheReportAndTheCsvsAndExitsZero() throws Exception {
        Path html = tmp.resolve("out/report.html");
        Path csv = tmp.resolve("csv");
        Outcome o = run("report", runs.get(0).toString(), runs.get(1).toString(), "-o", html.toString(), "--csv", csv.toString());
        assertEquals(0, o.code, o.err);
        assertTrue(Files.readString(html).startsWith("<!DOCTYPE html>"));
        assertTrue(Files.readString(html).contains("Comparison of 2 runs"));
        assertTrue(Files.isRegularFile(csv.resolve(ReportCsv.METRICS)) && Files.isRegularFile(csv.resolve(ReportCsv.PER_CLASS)));
        assertTrue(o.out.contains(html.toAbsolutePath().toString()), o.out);
    }

    @Test
    void aFolderThatIsNotARunExitsTwoWithOneLineNamingIt() throws Exception {
        Path notARun = Files.createDirectories(tmp.resolve("holiday-photos"));
        Path html = tmp.resolve("never.html");
        Outcome o = run("report", runs.get(0).toString(), notARun.toString(), "-o", html.toString());
        assertEquals(2, o.code);
        assertEquals(1, o.err.strip().lines().count(), o.err);
        assertTrue(o.err.contains(notARun.toString()) && o.err.contains("not a Counterweight run folder"), o.err);
        assertFalse(Files.exists(html), "nothing written on an error");
    }

    @Test
    void missingOutputOrAFolderAsOutputExitsTwo() {
        assertEquals(2, run("report", runs.get(0).toString()).code);
        Outcome o = run("report", runs.get(0).toString(), "-o", tmp.toString());
        assertEquals(2, o.code);
        assertTrue(o.err.contains("-o " + tmp), o.err);
    }
}
