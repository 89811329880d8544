package io.counterweight.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code bin/counterweight}. User errors (bad paths, formats, options) end with exit
 * code 2 and one line on stderr, bugs with 1, a stop by Ctrl-C with 130; with {@code --json} stdout holds
 * one JSON object then too ({@link CliErrors}). A stack trace is never shown (set COUNTERWEIGHT_DEBUG=1 to see one).
 */
@Command(name = "counterweight", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "See and fix class imbalance in image classification.",
        subcommands = {InspectCommand.class, TrainCommand.class, CompareCommand.class, GridCommand.class, RunsCommand.class,
                EvaluateCommand.class, PredictCommand.class, ReportCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static final int EXIT_USER_ERROR = 2;
    public static final int EXIT_INTERNAL_ERROR = 1;
    /** Stopped by Ctrl-C: 128 + SIGINT, as shells report it and as the JVM exits on SIGINT anyway. */
    public static final int EXIT_STOPPED = 130;

    public static void main(String[] args) {
        Quiet.apply();
        int code = run(args);
        RunSupport.outputWritten(); // after Ctrl-C the JVM exits once this is said, with 130 whatever the code
        System.exit(code);
    }

    /** Runs the CLI and returns the exit code (tests call this instead of main). */
    public static int run(String... args) {
        CommandLine cli = commandLine();
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        CliErrors.install(cli);
        return cli;
    }
}
