package io.counterweight.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.counterweight.core.CounterweightException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening files: a .gz file that is not gzip is a one-line error and leaves no file handle open. */
class ReaderSupportTest {
    private static final Path OPEN_FILES = Path.of("/proc/self/fd");

    @TempDir Path dir;

    @Test
    void aGzFileThatIsNotGzipIsClosedAgain() throws IOException {
        assumeTrue(Files.isDirectory(OPEN_FILES), "needs Linux's /proc/self/fd");
        Path file = dir.resolve("train-images-idx3-ubyte.gz");
        Files.write(file, new byte[] {0, 0, 8, 3, 0, 0, 0, 1}); // IDX header bytes, not gzipped
        for (int i = 0; i < 5; i++) {
            CounterweightException e = assertThrows(CounterweightException.class, () -> ReaderSupport.open(file));
            assertTrue(e.getMessage().startsWith(file + ": cannot read"), e.getMessage());
            assertTrue(e.getCause() instanceof IOException, "the cause is kept");
        }
        assertEquals(0, descriptorsOf(file), "file handles left open on " + file);
    }

    @Test
    void aGoodFileStaysOpenUntilTheReaderClosesIt() throws IOException {
        assumeTrue(Files.isDirectory(OPEN_FILES), "needs Linux's /proc/self/fd");
        Path file = dir.resolve("plain.bin");
        Files.write(file, new byte[] {1, 2, 3});
        try (var in = ReaderSupport.open(file)) {
            assertEquals(1, descriptorsOf(file), "the check sees an open handle");
            assertSame(1, in.read());
        }
        assertEquals(0, descriptorsOf(file));
    }

    /** How many of this process's open file descriptors point at {@code file}. */
    private static long descriptorsOf(Path file) throws IOException {
        Path target = file.toRealPath();
        try (Stream<Path> fds = Files.list(OPEN_FILES)) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(target);
                } catch (IOException | UnsupportedOperationException gone) {
                    return false; // closed meanwhile (e.g. the listing's own descriptor)
                }
            }).count();
        }
    }
}
