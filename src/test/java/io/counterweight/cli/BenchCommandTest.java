package io.counterweight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.counterweight.core.CounterweightException;
import picocli.CommandLine;

class BenchCommandTest {

    @Test
    void jsonHasTheDocumentedKeysAndPositiveRates() throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buf, true));
            code = new CommandLine(new BenchCommand()).execute("--model", "lenet", "--batch", "4", "--threads", "1",
                    "--warmup", "1", "--iterations", "2", "--json");
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code);
        String line = buf.toString().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow();
        JsonNode j = new ObjectMapper().readTree(line);
        assertEquals("lenet", j.get("model").asText());
        assertEquals(4, j.get("batch").asInt());
        assertEquals(1, j.get("threads").asInt());
        assertTrue(j.get("backend").asText().startsWith("CPU"), j.get("backend").asText());
        for (String k : new String[] {"train_images_per_second", "inference_images_per_second", "pipeline_images_per_second"}) {
            assertTrue(j.get(k).asDouble() > 0, k);
        }
    }

    @Test
    void soakRecordsMemoryAfterEachRunAndCleansUpItsRuns(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        java.nio.file.Path out = tmp.resolve("soak");
        try {
            System.setOut(new PrintStream(buf, true));
            code = new CommandLine(new BenchCommand()).execute("--soak", "2", "--model", "lenet", "--soak-out", out.toString(), "--json");
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code);
        JsonNode runs = new ObjectMapper().readTree(buf.toString().lines().filter(l -> l.startsWith("[")).findFirst().orElseThrow());
        assertEquals(2, runs.size());
        for (JsonNode r : runs) {
            // ND4J's off-heap count is back to 0 after a run that freed everything: only its presence is checked
            assertTrue(r.get("heap_bytes").asLong() > 0 && r.get("off_heap_bytes").asLong() >= 0 && r.get("rss_bytes").asLong() > 0
                    && r.get("seconds").asDouble() > 0, r.toString());
        }
        try (var folders = java.nio.file.Files.list(out)) {
            assertEquals(2, folders.count(), "one run folder per run, as --soak-out asked");
        }
    }

    @Test
    void rejectsAnUnknownModelWithOneLineNamingTheOption() {
        BenchCommand cmd = new BenchCommand();
        new CommandLine(cmd).parseArgs("--model", "resnet");
        CounterweightException e = assertThrows(CounterweightException.class, cmd::call);
        assertEquals("--model must be study or lenet: resnet", e.getMessage());
        new CommandLine(cmd).parseArgs("--batch", "0");
        assertEquals("--batch must be in 1..4096: 0", assertThrows(CounterweightException.class, cmd::call).getMessage());
    }
}
