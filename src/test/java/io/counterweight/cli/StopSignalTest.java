package io.counterweight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterweight.core.experiment.ConfigJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Ctrl-C: {@code counterweight inspect} in a child JVM, sent SIGINT once its stderr shows the
 * loading progress. Linux only (kill -INT, /proc); skipped when this JVM ignores SIGINT, as the child
 * would then inherit that and never see the signal (e.g. started in the background by a script).
 */
class StopSignalTest {
    @TempDir Path tmp;

    @Test
    void ctrlCWhileInspectLoadsEndsWithOneLineAJsonErrorAndExit130() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "kill -INT and /proc are Linux's");
        assumeFalse(sigintIgnored(), "this JVM ignores SIGINT, so the child would too");
        Path data = cifar10(tmp, 5, 6000); // ~110 MB: loading lasts well beyond the signal's way to the child
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(java, "-cp", classpath, Main.class.getName(), "inspect", data.toString(), "--json")
                .start();
        try {
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(child));
            BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8));
            List<String> errLines = new ArrayList<>();
            String line;
            while ((line = err.readLine()) != null) {
                errLines.add(line);
                if (line.startsWith("reading ")) break; // loading has begun
            }
            assertTrue(line != null, "no loading progress on stderr: " + errLines);
            assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor());
            while ((line = err.readLine()) != null) errLines.add(line);
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not end after SIGINT");

            assertEquals(Main.EXIT_STOPPED, child.exitValue(), String.join("\n", errLines));
            assertEquals("counterweight: stopped", errLines.get(errLines.size() - 1), String.join("\n", errLines));
            assertEquals(1, errLines.stream().filter(l -> l.startsWith("counterweight:")).count(), String.join("\n", errLines));
            JsonNode json = ConfigJson.mapper().readTree(out.get(60, TimeUnit.SECONDS));
            assertEquals("stopped", json.at("/error/kind").asText(), json.toString());
            assertEquals(130, json.at("/error/exit_code").asInt(), json.toString());
        } finally {
            child.destroyForcibly();
        }
    }

    /** Bit 2 (SIGINT) of SigIgn in /proc/self/status. */
    private static boolean sigintIgnored() throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith("SigIgn:")) return (Long.parseLong(l.substring(7).strip(), 16) & 0x2) != 0;
        }
        return false;
    }

    private static String readAll(Process child) {
        try {
            return new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A CIFAR-10 binary folder of {@code files} training batches with {@code perFile} random images each (≈ 6 MB a file). */
    private static Path cifar10(Path parent, int files, int perFile) throws IOException {
        Path dir = Files.createDirectories(parent.resolve("cifar-10-batches-bin"));
        byte[] bytes = new byte[perFile * 3073];
        new Random(7).nextBytes(bytes);
        for (int i = 0; i < perFile; i++) bytes[i * 3073] = (byte) (i % 10);
        for (int f = 1; f <= files; f++) Files.write(dir.resolve("data_batch_" + f + ".bin"), bytes);
        Files.write(dir.resolve("test_batch.bin"), bytes);
        return dir;
    }
}
