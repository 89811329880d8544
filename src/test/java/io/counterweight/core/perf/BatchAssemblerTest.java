package io.counterweight.core.perf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

import io.counterweight.core.data.ImageShape;
import io.counterweight.core.data.ImageSplit;

class BatchAssemblerTest {

    @Test
    void scalesPixelsKeepsChwOrderAndOneHotsLabels() {
        ImageShape shape = new ImageShape(3, 2, 2);
        byte[] a = new byte[12], b = new byte[12];
        for (int i = 0; i < 12; i++) { a[i] = (byte) (i * 20); b[i] = (byte) (255 - i); }
        BatchAssembler assembler = new BatchAssembler(shape, 4);
        DataSet ds = assembler.assemble(new byte[][] {a, b}, new int[] {3, 1}, 2);

        assertArrayEquals(new long[] {2, 3, 2, 2}, ds.getFeatures().shape());
        for (int c = 0; c < 3; c++) for (int y = 0; y < 2; y++) for (int x = 0; x < 2; x++) {
            int j = (c * 2 + y) * 2 + x;
            assertEquals((a[j] & 0xFF) / 255f, ds.getFeatures().getFloat(0, c, y, x), 1e-7);
            assertEquals((b[j] & 0xFF) / 255f, ds.getFeatures().getFloat(1, c, y, x), 1e-7);
        }
        assertArrayEquals(new float[] {0, 0, 0, 1, 0, 1, 0, 0}, ds.getLabels().data().asFloat());

        // the reused label buffer must be cleared between batches
        DataSet next = assembler.assemble(new byte[][] {b, a}, new int[] {0, 2}, 2);
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 0, 1, 0}, next.getLabels().data().asFloat());
    }

    @Test
    void pipelineBenchmarkCountsWholeBatchesOfTheSplit() {
        ImageSplit data = RandomImages.split(new ImageShape(1, 4, 4), 100, 5, 1L);
        assertArrayEquals(new int[] {20, 20, 20, 20, 20}, data.classCounts(5));
        int[] seen = new int[100];
        double rate = PipelineBenchmark.run(data, 5, 10, PipelineBenchmark.uniform(100),
                (chw, rng) -> { seen[indexOf(data, chw)]++; return chw; }, 200, 3L);
        assertEquals(200, java.util.Arrays.stream(seen).sum());
        org.junit.jupiter.api.Assertions.assertTrue(rate > 0);
    }

    private static int indexOf(ImageSplit data, byte[] chw) {
        for (int i = 0; i < data.size(); i++) if (data.image(i) == chw) return i;
        throw new AssertionError("transform got an image that is not in the split");
    }
}
