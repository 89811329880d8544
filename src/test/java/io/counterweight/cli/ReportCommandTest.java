package io.counterweight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.report.ReportCsv;
import io.counterweight.core.report.ReportFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code counterweight report} as a script drives it: files written and exit 0, one-line errors and exit 2. */
class ReportCommandTest {
    @TempDir static Path tmp;
    static List<Path> runs;

    @BeforeAll
    static void train() {
        runs = ReportFixture.twoRuns(tmp.resolve("runs"));
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void writesTheReportAndTheCsvsAndExitsZero() throws Exception {
        Path html = tmp.resolve("out/report.html");
        Path csv = tmp.resolve("csv");
        CliRun o = run("report", runs.get(0).toString(), runs.get(1).toString(), "-o", html.toString(), "--csv", csv.toString());
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
        CliRun o = run("report", runs.get(0).toString(), notARun.toString(), "-o", html.toString());
        assertEquals(2, o.code);
        assertEquals(1, o.err.strip().lines().count(), o.err);
        assertTrue(o.err.contains(notARun.toString()) && o.err.contains("not a Counterweight run folder"), o.err);
        assertFalse(Files.exists(html), "nothing written on an error");
    }

    @Test
    void missingOutputOrAFolderAsOutputExitsTwo() {
        assertEquals(2, run("report", runs.get(0).toString()).code);
        CliRun o = run("report", runs.get(0).toString(), "-o", tmp.toString());
        assertEquals(2, o.code);
        assertTrue(o.err.contains("-o " + tmp), o.err);
    }
}
