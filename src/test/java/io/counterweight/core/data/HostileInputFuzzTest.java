package io.counterweight.core.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.Progress;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing of every binary reader with random and mutated bytes derived from small valid files (flipped
 * bytes, cuts, extensions, length and dimension fields set to huge values, inserted runs, pure noise).
 * Each input must either load or fail with a {@link CounterweightException} whose message is one line
 * naming the file or its folder: never another exception type, never more than {@link #LIMIT}, and the
 * heap in use after the run stays bounded. Tries per property are chosen so the class takes ~30 s.
 */
class HostileInputFuzzTest {
    private static final Duration LIMIT = Duration.ofSeconds(5);
    private static final int TRIES = 250;
    private static Path root;

    @BeforeContainer
    static void createRoot() throws IOException {
        Files.createDirectories(Path.of("target"));
        root = Files.createTempDirectory(Path.of("target"), "fuzz-").toAbsolutePath();
    }

    @AfterContainer
    static void heapStaysBounded() {
        System.gc();
        long used = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertTrue(used < 1L << 30, "heap in use after the fuzz run: " + (used >> 20) + " MB");
    }

    /** One change to a file's bytes; {@code at} is a fraction of the length, {@code value} the new content. */
    record Mutation(int kind, double at, int value) {
        private static final int[] HUGE = {0x7FFFFFFF, 0xFFFFFFFF, 0x40000000, 0x00FFFFFF, 0x80000000};

        byte[] apply(byte[] in) {
            int n = in.length;
            int p = (int) (at * n);
            int header = (int) (at * Math.min(n, 32));
            Random rnd = new Random(value);
            switch (kind) {
                case 0: { byte[] b = in.clone(); if (n > 0) b[Math.min(p, n - 1)] = (byte) value; return b; }
                case 1: return Arrays.copyOf(in, p);
                case 2: { byte[] b = Arrays.copyOf(in, n + 1 + Math.floorMod(value, 5000)); for (int i = n; i < b.length; i++) b[i] = (byte) rnd.nextInt(); return b; }
                case 3: return putInt(in, header, HUGE[Math.floorMod(value, HUGE.length)], true);
                case 4: return putInt(in, p, HUGE[Math.floorMod(value, HUGE.length)], false);
                case 5: { byte[] b = in.clone(); if (n > 0) b[header] = (byte) value; return b; }
                case 6: { byte[] b = new byte[n]; rnd.nextBytes(b); return b; }
                default: {
                    byte[] run = new byte[1 + Math.floorMod(value, 64)];
                    rnd.nextBytes(run);
                    byte[] b = new byte[n + run.length];
                    System.arraycopy(in, 0, b, 0, p);
                    System.arraycopy(run, 0, b, p, run.length);
                    System.arraycopy(in, p, b, p + run.length, n - p);
                    return b;
                }
            }
        }

        /** A 4-byte field set to {@code v}: big-endian (IDX) or little-endian (pickle lengths). */
        private static byte[] putInt(byte[] in, int p, int v, boolean bigEndian) {
            byte[] b = in.clone();
            for (int i = 0; i < 4 && p + i < b.length; i++) b[p + i] = (byte) (v >>> (bigEndian ? 24 - 8 * i : 8 * i));
            return b;
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 7), Arbitraries.doubles().between(0, 0.9999).ofScale(4),
                Arbitraries.integers()).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    private static byte[] mutate(byte[] valid, List<Mutation> mutations) {
        byte[] b = valid;
        for (Mutation m : mutations) b = m.apply(b);
        return b;
    }

    /** Runs the reader: a load, or a one-line CounterweightException naming {@code where}; anything else fails. */
    private static void loadsOrFailsCleanly(Path where, Runnable reader) {
        assertTimeoutPreemptively(LIMIT, () -> {
            try {
                reader.run();
            } catch (CounterweightException e) {
                String m = e.getMessage();
                assertFalse(m.contains("\n") || m.contains("\r"), "one line: " + m);
                assertTrue(m.startsWith(where.toString()), "names the file: " + m);
                assertFalse(m.contains("Exception") || m.contains("out of bounds"), "no Java internals: " + m);
            }
        });
    }

    private static Path fresh(String name) {
        try {
            Path dir = root.resolve(name);
            if (Files.exists(dir)) {
                try (var s = Files.walk(dir)) {
                    s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = TRIES)
    void cifarBinary(@ForAll("mutations") List<Mutation> mutations, @ForAll @IntRange(min = 0, max = 5) int which) throws IOException {
        Path dir = fresh("cifar-10-batches-bin");
        String[] names = {"data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin", "test_batch.bin"};
        for (int i = 0; i < names.length; i++) Fixtures.cifarBin(dir.resolve(names[i]), new int[][] {{i}, {9 - i}}, i);
        Path target = dir.resolve(names[which]);
        Files.write(target, mutate(Files.readAllBytes(target), mutations));
        loadsOrFailsCleanly(dir, () -> CifarBinaryReader.readCifar10(dir, Progress.NONE));
    }

    @Property(tries = TRIES)
    void cifarPickle(@ForAll("mutations") List<Mutation> mutations, @ForAll boolean python3, @ForAll boolean meta) throws IOException {
        Path dir = fresh("cifar-10-batches-py");
        for (int b = 1; b <= 5; b++) {
            Files.write(dir.resolve("data_batch_" + b), CifarPickleReaderTest.python2Batch("labels", new int[] {b, 9 - b}, b));
        }
        byte[] test = python3 ? CifarPickleReaderTest.python3Batch("labels", new int[] {1, 2}, 0)
                : CifarPickleReaderTest.python2Batch("labels", new int[] {1, 2}, 0);
        Files.write(dir.resolve("test_batch"), meta ? test : mutate(test, mutations));
        byte[] names = CifarPickleReaderTest.meta("label_names", CifarPickleReaderTest.CIFAR10_NAMES, !python3);
        Files.write(dir.resolve("batches.meta"), meta ? mutate(names, mutations) : names);
        loadsOrFailsCleanly(dir, () -> CifarPickleReader.readCifar10(dir, Progress.NONE));
    }

    @Property(tries = TRIES)
    void idx(@ForAll("mutations") List<Mutation> mutations, @ForAll @IntRange(min = 0, max = 3) int which,
             @ForAll boolean gz, @ForAll boolean mutateCompressed) throws IOException {
        Path dir = fresh("mnist");
        Fixtures.idx(dir, "train", new int[] {0, 1, 2, 1, 0, 2}, 4, 3, gz);
        Fixtures.idx(dir, "t10k", new int[] {2, 0, 1}, 4, 3, gz);
        String ext = gz ? ".gz" : "";
        String[] names = {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};
        Path target = dir.resolve(names[which] + ext);
        byte[] bytes = Files.readAllBytes(target);
        if (gz && !mutateCompressed) bytes = gzip(mutate(gunzip(bytes), mutations));
        else bytes = mutate(bytes, mutations);
        Files.write(target, bytes);
        loadsOrFailsCleanly(dir, () -> IdxReader.read(dir, Progress.NONE));
    }

    @Property(tries = TRIES)
    void imagesInAFolder(@ForAll("mutations") List<Mutation> mutations, @ForAll @IntRange(min = 0, max = 3) int format) throws IOException {
        Path dir = fresh("folder");
        String type = new String[] {"png", "jpg", "gif", "bmp"}[format];
        BufferedImage img = new BufferedImage(6, 5, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 5; y++) for (int x = 0; x < 6; x++) img.setRGB(x, y, x * 40 << 16 | y * 50 << 8 | 77);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, type, out);
        for (String c : List.of("a", "b")) {
            for (int i = 0; i < 2; i++) {
                Files.createDirectories(dir.resolve(c));
                Files.write(dir.resolve(c + "/" + i + "." + type), out.toByteArray());
            }
        }
        Path target = dir.resolve("a/1." + type);
        Files.write(target, mutate(out.toByteArray(), mutations));
        loadsOrFailsCleanly(target, () -> ImageFiles.decode(target));
        loadsOrFailsCleanly(dir, () -> FolderReader.read(dir, 0, 1, Progress.NONE));
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }
}
