package io.counterweight.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real images: Debian's dataset-fashion-mnist package (skipped where it is not installed). */
class FashionMnistRealDataTest {
    static final Path DIR = Path.of("/usr/share/datasets/fashion-mnist");
    static Dataset fashion;

    @BeforeAll
    static void load() {
        Assumptions.assumeTrue(Files.exists(DIR.resolve("train-images-idx3-ubyte.gz")), "dataset-fashion-mnist not installed");
        fashion = DatasetLoader.load(DIR.toString(), DatasetFormat.AUTO, 0, 1, Progress.NONE);
    }

    @Test
    void theIdxReaderSeesTheWholeSet() {
        assertEquals(DatasetFormat.IDX, fashion.format());
        assertEquals(new ImageShape(1, 28, 28), fashion.shape());
        assertEquals(60_000, fashion.train().size());
        assertEquals(10_000, fashion.test().size());
        assertEquals(IdxReader.FASHION_NAMES, fashion.classNames());
        int[] train = new int[10];
        Arrays.fill(train, 6000);
        int[] test = new int[10];
        Arrays.fill(test, 1000);
        assertArrayEquals(train, fashion.trainCounts());
        assertArrayEquals(test, fashion.testCounts());
        // Real pictures: the mean pixel of a garment is neither black nor white.
        long sum = 0;
        for (byte b : fashion.train().image(0)) sum += b & 0xFF;
        double mean = sum / 784.0;
        assertTrue(mean > 10 && mean < 245, "mean " + mean);
    }

    @Test
    void pngFolderOfItsImagesReadsBackPixelEqual(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("fashion-png");
        int perSplit = 300;
        for (String split : new String[] {"train", "test"}) {
            ImageSplit source = split.equals("train") ? fashion.train() : fashion.test();
            for (int i = 0; i < perSplit / (split.equals("train") ? 1 : 3); i++) {
                String cls = fashion.classNames().get(source.label(i)).replace('/', '_');
                Fixtures.png(root.resolve(split + "/" + cls + String.format("/%05d.png", i)), source.image(i), source.shape());
            }
        }
        Dataset back = DatasetLoader.load(root.toString(), DatasetFormat.AUTO, 0, 1, Progress.NONE);
        assertEquals(DatasetFormat.FOLDER, back.format());
        assertEquals(new ImageShape(1, 28, 28), back.shape());
        assertEquals(300, back.train().size());
        assertEquals(100, back.test().size());
        // Folder classes are sorted by name; map them back to the Fashion-MNIST label ids.
        int[] toFashion = back.classNames().stream()
                .mapToInt(n -> fashion.classNames().stream().map(f -> f.replace('/', '_')).toList().indexOf(n)).toArray();
        assertCorrespondence(fashion.train(), back.train(), toFashion);
        assertCorrespondence(fashion.test(), back.test(), toFashion);
    }

    /** Within each class, the folder's images (file-name order) are the original images in index order. */
    private static void assertCorrespondence(ImageSplit original, ImageSplit back, int[] toFashion) {
        int[] next = new int[10];
        for (int i = 0; i < back.size(); i++) {
            int label = toFashion[back.label(i)];
            while (original.label(next[label]) != label) next[label]++;
            assertArrayEquals(original.image(next[label]), back.image(i), "image " + next[label]);
            next[label]++;
        }
    }
}
