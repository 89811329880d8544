package io.counterweight.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarBinaryReaderTest {
    @TempDir Path tmp;

    /** All five training batches, each with labels {b, 9, 0}, the test batch and the names. */
    private Path cifar10() throws Exception {
        Path dir = tmp.resolve("cifar-10-batches-bin");
        int index = 0;
        for (int b = 1; b <= 5; b++) {
            Fixtures.cifarBin(dir.resolve("data_batch_" + b + ".bin"), new int[][] {{b}, {9}, {0}}, index);
            index += 3;
        }
        Fixtures.cifarBin(dir.resolve("test_batch.bin"), new int[][] {{4}, {5}}, 100);
        Files.writeString(dir.resolve("batches.meta.txt"), "airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n\n");
        return dir;
    }

    @Test
    void readsTheFiveBatchesInOrder() throws Exception {
        Path dir = cifar10();
        Dataset d = CifarBinaryReader.readCifar10(dir, Progress.NONE);
        assertEquals(DatasetFormat.CIFAR10, d.format());
        assertEquals(new ImageShape(3, 32, 32), d.shape());
        assertEquals(10, d.numClasses());
        assertEquals("truck", d.classNames().get(9));
        assertArrayEquals(new int[] {1, 9, 0, 2, 9, 0, 3, 9, 0, 4, 9, 0, 5, 9, 0}, d.train().labels());
        assertArrayEquals(new int[] {4, 5}, d.test().labels());
        // The record's pixel bytes come through unchanged (already CHW).
        assertArrayEquals(Fixtures.pixels(3072, 4, 9), d.train().image(4));
        assertArrayEquals(Fixtures.pixels(3072, 101, 5), d.test().image(1));
    }

    @Test
    void reportsProgressAndHonoursCancel() throws Exception {
        Path dir = cifar10();
        List<String> messages = new ArrayList<>();
        CifarBinaryReader.readCifar10(dir, (m, done, total) -> messages.add(m + " " + done + "/" + total));
        assertTrue(messages.contains("reading data_batch_2.bin 3/17"), messages.toString());
        Progress cancelled = new Progress() {
            @Override public void update(String message, long done, long total) { }
            @Override public boolean isCancelled() { return true; }
        };
        CounterweightException e = assertThrows(CounterweightException.class, () -> CifarBinaryReader.readCifar10(dir, cancelled));
        assertEquals("cancelled", e.getMessage());
    }

    @Test
    void truncatedFileIsNamed() throws Exception {
        Path dir = cifar10();
        Path f = dir.resolve("data_batch_1.bin");
        byte[] all = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(all, all.length - 10));
        CounterweightException e = assertThrows(CounterweightException.class, () -> CifarBinaryReader.readCifar10(dir, Progress.NONE));
        assertEquals(f + ": truncated: " + (3 * 3073 - 10) + " bytes is not a multiple of 3073", e.getMessage());
    }

    @Test
    void labelOutOfRangeIsAnError() throws Exception {
        Path dir = cifar10();
        Fixtures.cifarBin(dir.resolve("data_batch_2.bin"), new int[][] {{3}, {10}}, 0);
        CounterweightException e = assertThrows(CounterweightException.class, () -> CifarBinaryReader.readCifar10(dir, Progress.NONE));
        assertTrue(e.getMessage().startsWith(dir.resolve("data_batch_2.bin") + ": record 1 has label 10"), e.getMessage());
    }

    @Test
    void missingTrainOrTestFilesAreNamedNotSkipped() throws Exception {
        Path dir = cifar10();
        Files.delete(dir.resolve("test_batch.bin"));
        CounterweightException e = assertThrows(CounterweightException.class, () -> CifarBinaryReader.readCifar10(dir, Progress.NONE));
        assertEquals(dir + ": test_batch.bin is missing (CIFAR-10 needs all of data_batch_1.bin ... test_batch.bin)", e.getMessage());
        Fixtures.cifarBin(dir.resolve("test_batch.bin"), new int[][] {{4}}, 0);
        Files.delete(dir.resolve("data_batch_2.bin")); // 4 of 5 batches used to load as if complete
        Files.delete(dir.resolve("data_batch_5.bin"));
        e = assertThrows(CounterweightException.class, () -> CifarBinaryReader.readCifar10(dir, Progress.NONE));
        assertEquals(dir + ": data_batch_2.bin, data_batch_5.bin are missing (CIFAR-10 needs all of data_batch_1.bin ... test_batch.bin)", e.getMessage());
        Files.createDirectory(dir.resolve("data_batch_2.bin"));
        Fixtures.cifarBin(dir.resolve("data_batch_5.bin"), new int[][] {{4}}, 0);
        e = assertThrows(CounterweightException.class, () -> CifarBinaryReader.readCifar10(dir, Progress.NONE));
        assertEquals(dir.resolve("data_batch_2.bin") + ": is a directory, not a file", e.getMessage());
    }

    @Test
    void missingNamesFileGivesNeutralNamesAndAWarningNote() throws Exception {
        Path dir = cifar10();
        Files.delete(dir.resolve("batches.meta.txt"));
        Dataset d = CifarBinaryReader.readCifar10(dir, Progress.NONE);
        assertEquals("class 9", d.classNames().get(9), "CIFAR-10's names are not assumed: the files may hold other images");
        assertEquals(dir.resolve("batches.meta.txt") + " is missing: the classes are named class 0 ... class 9", d.notes().get("warning_class_names"));
    }

    @Test
    void cifar100UsesTheFineLabel() throws Exception {
        Path dir = tmp.resolve("cifar-100-binary");
        Fixtures.cifarBin(dir.resolve("train.bin"), new int[][] {{19, 99}, {4, 0}, {0, 49}}, 0);
        Fixtures.cifarBin(dir.resolve("test.bin"), new int[][] {{7, 50}}, 10);
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < 100; i++) names.append("fine").append(i).append('\n');
        Files.writeString(dir.resolve("fine_label_names.txt"), names);
        Dataset d = CifarBinaryReader.readCifar100(dir, Progress.NONE);
        assertEquals(DatasetFormat.CIFAR100, d.format());
        assertArrayEquals(new int[] {99, 0, 49}, d.train().labels());
        assertArrayEquals(new int[] {50}, d.test().labels());
        assertEquals("fine49", d.classNames().get(49));
        assertArrayEquals(Fixtures.pixels(3072, 2, 49), d.train().image(2));
    }

    @Test
    void cifar100WithoutNamesFileGetsNeutralNames() throws Exception {
        Path dir = tmp.resolve("c100");
        Fixtures.cifarBin(dir.resolve("train.bin"), new int[][] {{0, 1}}, 0);
        Fixtures.cifarBin(dir.resolve("test.bin"), new int[][] {{0, 2}}, 0);
        Dataset d = CifarBinaryReader.readCifar100(dir, Progress.NONE);
        assertEquals(100, d.classNames().size());
        assertEquals("class 99", d.classNames().get(99));
        assertTrue(d.notes().get("warning_class_names").startsWith(dir.resolve("fine_label_names.txt") + " is missing"));
    }
}
