package io.counterweight.cli;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.experiment.ConfigJson;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The CLI's error contract. A failure ends with one line on stderr ({@code counterweight: ...}) and an
 * exit code: {@value Main#EXIT_USER_ERROR} for the user's input (a {@link CounterweightException} anywhere
 * in the cause chain, or a bad option), {@value Main#EXIT_INTERNAL_ERROR} for a bug, {@value Main#EXIT_STOPPED} when
 * Ctrl-C stopped a command before it had a result ({@link Stopped}). With {@code --json} among the
 * arguments, stdout holds one JSON object as well: {@code {"error": {"message", "kind", "exit_code"}}},
 * the message being the stderr line without its prefix and the kind {@code user}, {@code internal} or
 * {@code stopped}. A stack trace is never shown unless COUNTERWEIGHT_DEBUG is set.
 */
final class CliErrors {
    private CliErrors() { }

    static void install(CommandLine cli) {
        cli.setExecutionExceptionHandler(CliErrors::onExecution);
        cli.setParameterExceptionHandler(CliErrors::onParameter);
    }

    private static int onExecution(Exception ex, CommandLine command, ParseResult parsed) {
        if (System.getenv("COUNTERWEIGHT_DEBUG") != null) ex.printStackTrace();
        boolean json = jsonRequested(parsed.originalArgs());
        if (ex instanceof Stopped) return report(command, json, "stopped", "stopped", Main.EXIT_STOPPED);
        CounterweightException user = userError(ex);
        if (user != null) return report(command, json, "user", user.getMessage(), Main.EXIT_USER_ERROR);
        return report(command, json, "internal", "internal error: " + ex.getClass().getSimpleName()
                + (ex.getMessage() == null ? "" : ": " + firstLine(ex.getMessage()))
                + " (set COUNTERWEIGHT_DEBUG=1 for details)", Main.EXIT_INTERNAL_ERROR);
    }

    /** Options that do not parse: one line naming the command's help, e.g. "Unknown option: '--foo' (see 'counterweight train --help')". */
    private static int onParameter(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        StringBuilder line = new StringBuilder(firstLine(String.valueOf(ex.getMessage())));
        line.append(" (see '").append(command.getCommandSpec().qualifiedName()).append(" --help')");
        return report(command, jsonRequested(Arrays.asList(args)), "user", line.toString(), Main.EXIT_USER_ERROR);
    }

    /** Prints the one stderr line and, with --json, the error object on stdout; returns the exit code. */
    static int report(CommandLine command, boolean json, String kind, String message, int exitCode) {
        command.getErr().println("counterweight: " + message);
        command.getErr().flush();
        if (json) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", message);
            error.put("kind", kind);
            error.put("exit_code", exitCode);
            command.getOut().println(ConfigJson.write(Map.of("error", error)));
            command.getOut().flush();
        }
        return exitCode;
    }

    /** {@code --json} among the arguments (before a {@code --}, after which arguments are positional). */
    static boolean jsonRequested(List<String> args) {
        for (String a : args) {
            if (a.equals("--")) return false;
            if (a.equals("--json")) return true;
        }
        return false;
    }

    /** The user-facing error anywhere in the cause chain (DL4J and executors wrap exceptions). */
    private static CounterweightException userError(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof CounterweightException c) return c;
            if (t.getCause() == t) break;
        }
        return null;
    }

    private static String firstLine(String message) {
        return message.lines().findFirst().orElse("");
    }
}
