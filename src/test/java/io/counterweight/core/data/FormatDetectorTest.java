package io.counterweight.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.CounterweightException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatDetectorTest {
    @TempDir Path tmp;
    private static final ImageShape TINY = new ImageShape(3, 2, 2);

    @Test
    void cifarBinaryFolderItsParentAndOneOfItsFiles() throws Exception {
        Path dir = tmp.resolve("cifar-10-batches-bin");
        Fixtures.cifarBin(dir.resolve("data_batch_1.bin"), new int[][] {{1}}, 0);
        assertEquals(DatasetFormat.CIFAR10, FormatDetector.detect(dir));
        assertEquals(DatasetFormat.CIFAR10, FormatDetector.detect(dir.resolve("data_batch_1.bin")));
        FormatDetector.Located fromParent = FormatDetector.locate(tmp);
        assertEquals(DatasetFormat.CIFAR10, fromParent.format());
        assertEquals(dir, fromParent.root());
    }

    @Test
    void cifar100AndThePythonVersions() throws Exception {
        Fixtures.cifarBin(tmp.resolve("a/train.bin"), new int[][] {{1, 2}}, 0);
        assertEquals(DatasetFormat.CIFAR100, FormatDetector.detect(tmp.resolve("a")));
        Files.createDirectories(tmp.resolve("b"));
        Files.write(tmp.resolve("b/data_batch_2"), new byte[] {1});
        assertEquals(DatasetFormat.CIFAR10_PY, FormatDetector.detect(tmp.resolve("b")));
        Files.createDirectories(tmp.resolve("c/cifar-100-python"));
        Files.write(tmp.resolve("c/cifar-100-python/meta"), new byte[] {1});
        Files.write(tmp.resolve("c/cifar-100-python/train"), new byte[] {1});
        assertEquals(DatasetFormat.CIFAR100_PY, FormatDetector.detect(tmp.resolve("c")));
        assertEquals(tmp.resolve("c/cifar-100-python"), FormatDetector.root(tmp.resolve("c"), DatasetFormat.CIFAR100_PY));
    }

    @Test
    void idxFilesPlainOrGzipped() throws Exception {
        Fixtures.idx(tmp.resolve("f"), "train", new int[] {1}, 2, 2, true);
        assertEquals(DatasetFormat.IDX, FormatDetector.detect(tmp.resolve("f")));
        assertEquals(DatasetFormat.IDX, FormatDetector.detect(tmp.resolve("f/train-images-idx3-ubyte.gz")));
    }

    @Test
    void idcTreeVersusClassFolders() throws Exception {
        Fixtures.png(tmp.resolve("idc/8863/0/a.png"), new byte[12], TINY);
        Fixtures.png(tmp.resolve("idc/8864/1/b.png"), new byte[12], TINY);
        assertEquals(DatasetFormat.IDC, FormatDetector.detect(tmp.resolve("idc")));
        Fixtures.png(tmp.resolve("pets/cat/a.png"), new byte[12], TINY);
        Fixtures.png(tmp.resolve("pets/dog/b.jpg"), new byte[12], TINY);
        assertEquals(DatasetFormat.FOLDER, FormatDetector.detect(tmp.resolve("pets")));
        // train/test with classes named 0 and 1 is a folder data set, not two patients.
        Fixtures.png(tmp.resolve("split/train/0/a.png"), new byte[12], TINY);
        Fixtures.png(tmp.resolve("split/test/1/a.png"), new byte[12], TINY);
        assertEquals(DatasetFormat.FOLDER, FormatDetector.detect(tmp.resolve("split")));
    }

    @Test
    void descendsOneLoneFolderLevel() throws Exception {
        Fixtures.png(tmp.resolve("download/IDC_regular_ps50_idx5/9000/0/a.png"), new byte[12], TINY);
        Fixtures.png(tmp.resolve("download/IDC_regular_ps50_idx5/9001/1/a.png"), new byte[12], TINY);
        FormatDetector.Located l = FormatDetector.locate(tmp.resolve("download"));
        assertEquals(DatasetFormat.IDC, l.format());
        assertEquals(tmp.resolve("download/IDC_regular_ps50_idx5"), l.root());
    }

    @Test
    void unknownLayoutAndMissingPathAreNamed() throws Exception {
        Files.createDirectories(tmp.resolve("odd/sub"));
        Files.writeString(tmp.resolve("odd/readme.txt"), "hello");
        CounterweightException e = assertThrows(CounterweightException.class, () -> FormatDetector.detect(tmp.resolve("odd")));
        assertTrue(e.getMessage().startsWith(tmp.resolve("odd") + ": cannot tell the data format (expected "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; use --format"), e.getMessage());
        e = assertThrows(CounterweightException.class, () -> FormatDetector.detect(tmp.resolve("nowhere")));
        assertEquals(tmp.resolve("nowhere") + ": no such file or directory", e.getMessage());
    }

    @Test
    void severalDataSetsInOneFolderAskForOne() throws Exception {
        Files.createDirectories(tmp.resolve("cifar-10-batches-bin"));
        Files.createDirectories(tmp.resolve("cifar-100-binary"));
        CounterweightException e = assertThrows(CounterweightException.class, () -> FormatDetector.detect(tmp));
        assertTrue(e.getMessage().contains("holds several data sets"), e.getMessage());
    }
}
