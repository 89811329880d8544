package io.counterweight.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.Progress;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarPickleReaderTest {
    @TempDir Path tmp;

    /** Pixel rows of a batch, as numpy's N×3072 C-order buffer. */
    private static byte[] data(int[] labels, int firstIndex) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        for (int i = 0; i < labels.length; i++) buf.writeBytes(Fixtures.pixels(3072, firstIndex + i, labels[i]));
        return buf.toByteArray();
    }

    /**
     * A batch exactly as the CIFAR-10 "python" files are laid out (Python 2 cPickle, protocol 2): str keys,
     * a list of ints, and the ndarray through numpy.core.multiarray._reconstruct, a dtype and BUILD.
     */
    static byte[] python2Batch(String labelKey, int[] labels, int firstIndex) {
        PickleWriter w = new PickleWriter().proto(2).emptyDict().put().mark();
        w.str2("batch_label").put().str2("training batch 1 of 5").put();
        w.str2(labelKey).put().emptyList().put().mark();
        for (int label : labels) w.integer(label);
        w.appends();
        w.str2("data").put();
        w.global("numpy.core.multiarray", "_reconstruct").put().global("numpy", "ndarray").put()
                .integer(0).tuple1().put().str2("b").put().tuple3().put().reduce().put();
        w.mark().integer(1).integer(labels.length).integer(3072).tuple2().put();
        w.global("numpy", "dtype").put().str2("u1").put().integer(0).integer(1).tuple3().put().reduce().put();
        w.mark().integer(3).str2("|").put().none().none().none().integer(-1).integer(-1).integer(0).tuple().put().build();
        w.newFalse().str2(data(labels, firstIndex)).put().tuple().put().build();
        w.str2("filenames").put().emptyList().put().mark();
        for (int i = 0; i < labels.length; i++) w.str2("img_" + i + ".png").put();
        w.appends();
        return w.setItems().stop().toBytes();
    }

    /** The same dict written by Python 3 (protocol 3): bytes keys, BINBYTES payload, numpy 2 module name. */
    static byte[] python3Batch(String labelKey, int[] labels, int firstIndex) {
        PickleWriter w = new PickleWriter().proto(3).emptyDict().put().mark();
        w.bytes3(labelKey.getBytes()).put().emptyList().put().mark();
        for (int label : labels) w.integer(label);
        w.appends();
        w.bytes3("data".getBytes()).put();
        w.global("numpy._core.multiarray", "_reconstruct").put().global("numpy", "ndarray").put()
                .integer(0).tuple1().put().bytes3("b".getBytes()).put().tuple3().put().reduce().put();
        w.mark().integer(1).integer(labels.length).integer(3072).tuple2().put();
        w.global("numpy", "dtype").put().unicode("u1").put().newFalse().newTrue().tuple3().put().reduce().put();
        w.mark().integer(3).unicode("|").put().none().none().none().integer(-1).integer(-1).integer(0).tuple().put().build();
        w.newFalse().bytes3(data(labels, firstIndex)).put().tuple().put().build();
        return w.setItems().stop().toBytes();
    }

    static byte[] meta(String key, List<String> names, boolean python2) {
        PickleWriter w = new PickleWriter().proto(python2 ? 2 : 3).emptyDict().put().mark();
        if (python2) w.str2(key); else w.unicode(key);
        w.put().emptyList().put().mark();
        for (String n : names) {
            if (python2) w.str2(n); else w.unicode(n);
            w.put();
        }
        w.appends();
        if (python2) w.str2("num_vis").integer(3072);
        return w.setItems().stop().toBytes();
    }

    @Test
    void readsPython2Cifar10Batches() throws Exception {
        Path dir = tmp.resolve("cifar-10-batches-py");
        Files.createDirectories(dir);
        Files.write(dir.resolve("data_batch_1"), python2Batch("labels", new int[] {6, 9, 9}, 0));
        for (int b = 2; b <= 4; b++) Files.write(dir.resolve("data_batch_" + b), python2Batch("labels", new int[0], 3));
        Files.write(dir.resolve("data_batch_5"), python2Batch("labels", new int[] {4}, 3));
        Files.write(dir.resolve("test_batch"), python2Batch("labels", new int[] {3, 8}, 50));
        Files.write(dir.resolve("batches.meta"), meta("label_names", CIFAR10_NAMES, true));
        List<String> steps = new java.util.ArrayList<>();
        Dataset d = CifarPickleReader.readCifar10(dir, (m, done, total) -> steps.add(m + " " + done + "/" + total));
        assertEquals(List.of("reading data_batch_1 0/6", "read data_batch_1 1/6", "reading data_batch_2 1/6", "read data_batch_2 2/6"),
                steps.subList(0, 4));
        assertEquals("read test_batch 6/6", steps.get(steps.size() - 1));
        assertEquals(DatasetFormat.CIFAR10_PY, d.format());
        assertEquals(new ImageShape(3, 32, 32), d.shape());
        assertArrayEquals(new int[] {6, 9, 9, 4}, d.train().labels());
        assertArrayEquals(new int[] {3, 8}, d.test().labels());
        assertEquals(CIFAR10_NAMES, d.classNames());
        for (int i = 0; i < 4; i++) assertArrayEquals(Fixtures.pixels(3072, i, d.train().label(i)), d.train().image(i), "image " + i);
        assertArrayEquals(Fixtures.pixels(3072, 51, 8), d.test().image(1));
    }

    @Test
    void readsPython3Cifar100WithBytesKeys() throws Exception {
        Path dir = tmp.resolve("cifar-100-python");
        Files.createDirectories(dir);
        Files.write(dir.resolve("train"), python3Batch("fine_labels", new int[] {99, 0, 49, 50}, 0));
        Files.write(dir.resolve("test"), python3Batch("fine_labels", new int[] {7}, 10));
        List<String> names = java.util.stream.IntStream.range(0, 100).mapToObj(n -> "x_" + n).toList();
        Files.write(dir.resolve("meta"), meta("fine_label_names", names, false));
        Dataset d = CifarPickleReader.readCifar100(dir, Progress.NONE);
        assertEquals(DatasetFormat.CIFAR100_PY, d.format());
        assertArrayEquals(new int[] {99, 0, 49, 50}, d.train().labels());
        assertEquals("x_99", d.classNames().get(99));
        assertArrayEquals(Fixtures.pixels(3072, 3, 50), d.train().image(3));
        assertArrayEquals(Fixtures.pixels(3072, 10, 7), d.test().image(0));
    }

    @Test
    void labelOutOfRangeAndMissingKeyAreErrors() throws Exception {
        Path dir = tmp.resolve("bad");
        Files.createDirectories(dir);
        Files.write(dir.resolve("data_batch_1"), python2Batch("labels", new int[] {1, 10}, 0));
        for (int b = 2; b <= 5; b++) Files.write(dir.resolve("data_batch_" + b), python2Batch("labels", new int[] {2}, 0));
        Files.write(dir.resolve("test_batch"), python2Batch("wrong_key", new int[] {1}, 0));
        CounterweightException e = assertThrows(CounterweightException.class, () -> CifarPickleReader.readCifar10(dir, Progress.NONE));
        assertEquals(dir.resolve("data_batch_1") + ": image 1 has label 10, expected 0..9", e.getMessage());
        Files.write(dir.resolve("data_batch_1"), python2Batch("labels", new int[] {1}, 0));
        e = assertThrows(CounterweightException.class, () -> CifarPickleReader.readCifar10(dir, Progress.NONE));
        assertEquals(dir.resolve("test_batch") + ": the pickle has no 'labels' entry", e.getMessage());
    }

    @Test
    void truncatedOrForeignFilesAreNamed() throws Exception {
        Path dir = tmp.resolve("cut");
        Files.createDirectories(dir);
        byte[] batch = python2Batch("labels", new int[] {1, 2}, 0);
        Files.write(dir.resolve("data_batch_1"), java.util.Arrays.copyOf(batch, batch.length / 2));
        for (int b = 2; b <= 5; b++) Files.write(dir.resolve("data_batch_" + b), batch);
        Files.write(dir.resolve("test_batch"), batch);
        CounterweightException e = assertThrows(CounterweightException.class, () -> CifarPickleReader.readCifar10(dir, Progress.NONE));
        assertTrue(e.getMessage().startsWith(dir.resolve("data_batch_1") + ": "), e.getMessage());
        Files.writeString(dir.resolve("data_batch_1"), "this is not a pickle");
        e = assertThrows(CounterweightException.class, () -> CifarPickleReader.readCifar10(dir, Progress.NONE));
        assertTrue(e.getMessage().startsWith(dir.resolve("data_batch_1") + ": not a readable CIFAR pickle"), e.getMessage());
        Files.write(dir.resolve("data_batch_1"), new byte[] {'.'}); // STOP on an empty stack
        e = assertThrows(CounterweightException.class, () -> CifarPickleReader.readCifar10(dir, Progress.NONE));
        assertEquals(dir.resolve("data_batch_1") + ": not a readable CIFAR pickle (malformed at byte 1: its opcodes do not build valid objects)",
                e.getMessage(), "no 'Index -1 out of bounds'");
    }

    @Test
    void missingBatchesAreNamedAndAMissingMetaGivesNeutralNamesAndAWarning() throws Exception {
        Path dir = tmp.resolve("partial");
        Files.createDirectories(dir);
        byte[] batch = python2Batch("labels", new int[] {1, 2}, 0);
        for (int b : new int[] {1, 3, 5}) Files.write(dir.resolve("data_batch_" + b), batch);
        Files.write(dir.resolve("test_batch"), batch);
        CounterweightException e = assertThrows(CounterweightException.class, () -> CifarPickleReader.readCifar10(dir, Progress.NONE));
        assertEquals(dir + ": data_batch_2, data_batch_4 are missing (CIFAR-10 needs all of data_batch_1 ... test_batch)", e.getMessage());
        for (int b : new int[] {2, 4}) Files.write(dir.resolve("data_batch_" + b), batch);
        List<String> warnings = new java.util.ArrayList<>();
        Dataset d = DatasetLoader.load(dir.toString(), DatasetFormat.CIFAR10_PY, 0, 1, new Progress() {
            @Override public void update(String message, long done, long total) { }
            @Override public void warn(String message) { warnings.add(message); }
        });
        assertEquals("class 0", d.classNames().get(0));
        assertEquals(List.of(dir.resolve("batches.meta") + " is missing: the classes are named class 0 ... class 9"), warnings);
    }

    /** Class names of CIFAR-10, as batches.meta lists them. */
    static final List<String> CIFAR10_NAMES = List.of("airplane", "automobile", "bird", "cat", "deer",
            "dog", "frog", "horse", "ship", "truck");

    @Test
    void hugeLengthFieldsFailAtOnceWithoutAllocating() throws Exception {
        Path dir = tmp.resolve("huge");
        Files.createDirectories(dir);
        // 20 bytes: PROTO 2, BINSTRING of 2^31-1 bytes, then a few bytes. razorvine allocated the length first: OutOfMemoryError.
        byte[] binstring = {(byte) 0x80, 2, 'T', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', '.'};
        // BINUNICODE of 1.8 GB: 37 s and 3.7 GB of memory before it found the file short.
        byte[] binunicode = {(byte) 0x80, 2, 'X', 0, 0, 0, 0x70, 'a', 'b', 'c'};
        byte[] binbytes8 = {(byte) 0x80, 4, (byte) 0x8e, 0, 0, 0, 0x70, 0, 0, 0, 0, 'a'};
        for (byte[] bytes : List.of(binstring, binunicode, binbytes8)) {
            Files.write(dir.resolve("test"), bytes);
            long start = System.nanoTime();
            CounterweightException e = assertThrows(CounterweightException.class, () -> CifarPickleReader.unpickle(dir.resolve("test")));
            assertTrue(e.getMessage().contains("declares") && e.getMessage().contains("left in the file"), e.getMessage());
            assertTrue(System.nanoTime() - start < 1_000_000_000L, "fails at once");
        }
    }
}
