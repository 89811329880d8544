package io.counterweight.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.Progress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLoaderTest {
    @TempDir Path tmp;

    @Test
    void demoNeedsNoFiles() {
        Dataset d = DatasetLoader.load("demo", DatasetFormat.AUTO, 0, 5, Progress.NONE);
        assertEquals(DatasetFormat.DEMO, d.format());
        assertEquals(DatasetFingerprint.of(DemoDataset.generate(5)), DatasetFingerprint.of(d));
    }

    @Test
    void detectsAndDispatchesFromTheParentFolder() throws Exception {
        Path dir = tmp.resolve("cifar-10-batches-bin");
        Fixtures.cifarBin(dir.resolve("data_batch_1.bin"), new int[][] {{2}, {7}}, 0);
        for (int b = 2; b <= 5; b++) Fixtures.cifarBin(dir.resolve("data_batch_" + b + ".bin"), new int[][] {{b}}, 0);
        Fixtures.cifarBin(dir.resolve("test_batch.bin"), new int[][] {{3}}, 0);
        Dataset d = DatasetLoader.load(tmp.toString(), DatasetFormat.AUTO, 0, 1, Progress.NONE);
        assertEquals(DatasetFormat.CIFAR10, d.format());
        assertArrayEquals(new int[] {2, 7, 2, 3, 4, 5}, d.train().labels());
        assertEquals(dir.toAbsolutePath().normalize().toString(), d.notes().get("source"));
        Dataset explicit = DatasetLoader.load(tmp.toString(), DatasetFormat.CIFAR10, 0, 1, Progress.NONE);
        assertEquals(DatasetFingerprint.of(d), DatasetFingerprint.of(explicit));
    }

    @Test
    void explicitFormatThatDoesNotFitNamesTheMissingFile() throws Exception {
        Fixtures.idx(tmp.resolve("m"), "train", new int[] {1}, 2, 2, false);
        CounterweightException e = assertThrows(CounterweightException.class,
                () -> DatasetLoader.load(tmp.resolve("m").toString(), DatasetFormat.CIFAR100, 0, 1, Progress.NONE));
        assertEquals(tmp.resolve("m/train.bin") + ": missing", e.getMessage());
    }

    @Test
    void missingPathAndEmptyArgument() {
        CounterweightException e = assertThrows(CounterweightException.class,
                () -> DatasetLoader.load(tmp.resolve("gone").toString(), DatasetFormat.AUTO, 0, 1, Progress.NONE));
        assertEquals(tmp.resolve("gone") + ": no such file or directory", e.getMessage());
        e = assertThrows(CounterweightException.class, () -> DatasetLoader.load(" ", DatasetFormat.AUTO, 0, 1, Progress.NONE));
        assertEquals("--data: no data set given (a path or \"demo\")", e.getMessage());
    }
}
