package io.counterweight.cli;

import io.counterweight.core.CounterweightException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code bin/counterweight}. User errors (bad paths, formats, options) end with exit
 * code 2 and one line on stderr; a stack trace is never shown (set COUNTERWEIGHT_DEBUG=1 to see one).
 */
@Command(name = "counterweight", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "See and fix class imbalance in image classification.",
        subcommands = {InspectCommand.class, TrainCommand.class, CompareCommand.class, RunsCommand.class,
                EvaluateCommand.class, PredictCommand.class, ReportCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static final int EXIT_USER_ERROR = 2;
    public static final int EXIT_INTERNAL_ERROR = 1;

    public static void main(String[] args) {
        Quiet.apply();
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code (tests call this instead of main). */
    public static int run(String... args) {
        CommandLine cli = commandLine();
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (System.getenv("COUNTERWEIGHT_DEBUG") != null) ex.printStackTrace();
            CounterweightException user = userError(ex);
            if (user != null) {
                commandLine.getErr().println("counterweight: " + user.getMessage());
                return EXIT_USER_ERROR;
            }
            commandLine.getErr().println("counterweight: internal error: " + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : ": " + ex.getMessage().lines().findFirst().orElse(""))
                    + " (set COUNTERWEIGHT_DEBUG=1 for details)");
            return EXIT_INTERNAL_ERROR;
        });
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("counterweight: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for the options.");
            return EXIT_USER_ERROR;
        });
        return cli;
    }

    /** The user-facing error anywhere in the cause chain (DL4J and executors wrap exceptions). */
    private static CounterweightException userError(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof CounterweightException c) return c;
            if (t.getCause() == t) break;
        }
        return null;
    }
}
