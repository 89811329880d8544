package io.counterweight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The error contract scripts rely on: one line on stderr, exit code 2 (user) or 1 (internal), and with
 * {@code --json} exactly one JSON object {@code {"error": {message, kind, exit_code}}} on stdout.
 */
class ErrorContractTest {
    @TempDir Path tmp;

    /** A command with --json that fails with a bug (not the user's input). */
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Option(names = "--json") boolean json;

        @Override
        public Integer call() {
            throw new IllegalStateException("index 3 out of bounds\n\tat somewhere");
        }
    }

    private static CliRun run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.addSubcommand(new Boom());
        return CliRun.of(cli, args);
    }

    /** stdout is one JSON value, and nothing else; returns its "error" object after checking the shape. */
    private static JsonNode errorObject(CliRun r, String kind, int exitCode) throws IOException {
        assertEquals(exitCode, r.code, r.err);
        ObjectMapper mapper = new ObjectMapper();
        try (var parser = mapper.createParser(r.out)) {
            JsonNode json = mapper.readTree(parser);
            assertTrue(json != null && json.isObject(), "stdout: " + r.out);
            assertEquals(null, parser.nextToken(), "one JSON value only: " + r.out);
            assertEquals(1, json.size(), r.out);
            JsonNode error = json.get("error");
            assertEquals(JsonNodeType.OBJECT, error.getNodeType(), r.out);
            assertEquals(kind, error.get("kind").asText());
            assertEquals(exitCode, error.get("exit_code").asInt());
            assertEquals(1, r.err.strip().lines().count(), "one line on stderr: " + r.err);
            assertEquals(r.err.strip(), "counterweight: " + error.get("message").asText(),
                    "the message is the stderr line without its prefix");
            return error;
        }
    }

    @Test
    void everyJsonCommandPrintsAnErrorObjectOnAUserError() throws IOException {
        Path missing = tmp.resolve("no-such-folder");
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        String[][] failing = {
                {"inspect", missing.toString(), "--json"},
                {"train", "demo", "--epochs", "0", "--json"},
                {"compare", "demo", "--epochs", "0", "--json"},
                {"runs", "--workspace", "bad\u0000path", "--json"},
                {"evaluate", missing.toString(), "demo", "--json"},
                {"predict", missing.toString(), file.toString(), "--json"},
                {"bench", "--batch", "0", "--json"},
        };
        for (String[] args : failing) {
            CliRun r = run(args);
            JsonNode error = errorObject(r, "user", Main.EXIT_USER_ERROR);
            assertTrue(!error.get("message").asText().isBlank(), String.join(" ", args));
        }
    }

    @Test
    void withoutJsonAnErrorLeavesStdoutEmpty() {
        CliRun r = run("inspect", tmp.resolve("no-such-folder").toString());
        assertEquals(Main.EXIT_USER_ERROR, r.code);
        assertEquals("", r.out);
    }

    @Test
    void anInternalErrorIsKindInternalWithExitCode1() throws IOException {
        CliRun r = run("boom", "--json");
        JsonNode error = errorObject(r, "internal", Main.EXIT_INTERNAL_ERROR);
        assertTrue(error.get("message").asText().startsWith("internal error: IllegalStateException: index 3 out of bounds"),
                error.toString());
    }

    @Test
    void anOptionParseErrorIsOneLineNamingTheHelp() {
        CliRun r = run("train", "demo", "--foo");
        assertEquals(Main.EXIT_USER_ERROR, r.code);
        assertEquals("counterweight: Unknown option: '--foo' (see 'counterweight train --help')", r.err.strip());
        assertEquals("", r.out);

        CliRun value = run("inspect", "demo", "--classes", "many");
        assertEquals(Main.EXIT_USER_ERROR, value.code);
        assertEquals(1, value.err.strip().lines().count(), value.err);
        assertTrue(value.err.contains("--classes") && value.err.contains("'counterweight inspect --help'"), value.err);
    }

    @Test
    void anOptionParseErrorWithJsonAmongTheArgumentsIsAnErrorObject() throws IOException {
        JsonNode unknown = errorObject(run("compare", "demo", "--json", "--foo"), "user", Main.EXIT_USER_ERROR);
        assertTrue(unknown.get("message").asText().contains("--foo"), unknown.toString());

        JsonNode badValue = errorObject(run("predict", "--json", "--top", "x"), "user", Main.EXIT_USER_ERROR);
        assertTrue(badValue.get("message").asText().contains("--top"), badValue.toString());

        CliRun afterDoubleDash = run("train", "--foo", "--", "--json");
        assertEquals(Main.EXIT_USER_ERROR, afterDoubleDash.code);
        assertEquals("", afterDoubleDash.out, "--json after -- is a positional argument, not the option");
    }
}
