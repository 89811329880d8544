package io.counterweight.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.data.ImageShape;
import io.counterweight.core.data.ImageSplit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

class BatchAssemblerTest {
    private static final ImageShape SHAPE = new ImageShape(3, 2, 3);

    private static ImageSplit split() {
        byte[][] images = new byte[4][SHAPE.size()];
        for (int i = 0; i < 4; i++) for (int p = 0; p < SHAPE.size(); p++) images[i][p] = (byte) (i * 60 + p * 7);
        return new ImageSplit(SHAPE, images, new int[] {2, 0, 1, 2});
    }

    @Test
    void pixelsScaledToUnitRangeInNchwOrderAndLabelsOneHot() {
        ImageSplit split = split();
        int[] order = {3, 1, 0};
        DataSet ds = new BatchAssembler().assemble(split, 3, order);
        INDArray f = ds.getFeatures();
        assertArrayEquals(new long[] {3, 3, 2, 3}, f.shape());
        for (int k = 0; k < 3; k++) {
            byte[] px = split.image(order[k]);
            for (int c = 0; c < 3; c++) for (int y = 0; y < 2; y++) for (int x = 0; x < 3; x++) {
                float expected = (px[c * 6 + y * 3 + x] & 0xFF) / 255f;
                assertEquals(expected, f.getFloat(k, c, y, x), 1e-7f);
            }
        }
        // image 3, pixel 5 holds 215 (> 127 as a signed byte): it must be read unsigned
        assertEquals(215 / 255f, f.getFloat(0, 0, 1, 2), 1e-7f);
        float[][] labels = ds.getLabels().toFloatMatrix();
        assertArrayEquals(new float[][] {{0, 0, 1}, {1, 0, 0}, {0, 0, 1}}, labels);
    }

    @Test
    void releaseFreesTheBatchArraysButNotViewsOrOtherBatches() {
        ImageSplit split = split();
        BatchAssembler assembler = new BatchAssembler();
        DataSet first = assembler.assemble(split, 3, new int[] {0, 1});
        DataSet second = assembler.assemble(split, 3, new int[] {2, 3});
        INDArray expected = second.getFeatures().dup();
        BatchAssembler.release(first);
        assertTrue(first.getFeatures().wasClosed());
        assertTrue(first.getLabels().wasClosed());
        assertFalse(second.getFeatures().wasClosed());
        assertEquals(expected, second.getFeatures(), "freeing one batch leaves the next one intact");

        INDArray whole = org.nd4j.linalg.factory.Nd4j.rand(4, 3);
        DataSet ofViews = new DataSet(whole.getRow(0, true), whole.getRow(1, true));
        BatchAssembler.release(ofViews); // views of another array are not freed
        assertFalse(whole.wasClosed());
        assertFalse(ofViews.getFeatures().wasClosed());
    }

    @Test
    void reusedBufferDoesNotChangeEarlierBatchesAndPartialBatchesFit() {
        ImageSplit split = split();
        BatchAssembler assembler = new BatchAssembler();
        int[] order = {0, 1, 2, 3};
        DataSet first = assembler.assemble(split, 3, order, 0, 2, BatchTransform.IDENTITY, null);
        float before = first.getFeatures().getFloat(1, 2, 1, 1);
        DataSet second = assembler.assemble(split, 3, order, 2, 4, BatchTransform.IDENTITY, null);
        DataSet last = assembler.assemble(split, 3, order, 3, 4, BatchTransform.IDENTITY, null);
        assertEquals(before, first.getFeatures().getFloat(1, 2, 1, 1));
        assertEquals((split.image(1)[2 * 6 + 4] & 0xFF) / 255f, before, 1e-7f);
        assertArrayEquals(new long[] {2, 3, 2, 3}, second.getFeatures().shape());
        assertArrayEquals(new long[] {1, 3, 2, 3}, last.getFeatures().shape());
        assertArrayEquals(new float[][] {{0, 0, 1}}, last.getLabels().toFloatMatrix());
    }

    @Test
    void transformSeesEachImageWithTheBatchStreamAndInputStaysUntouched() {
        ImageSplit split = split();
        byte[] original = split.image(0).clone();
        BatchTransform invertPlusNoise = (chw, rng) -> {
            byte[] out = new byte[chw.length];
            int shift = rng.nextInt(3);
            for (int p = 0; p < chw.length; p++) out[p] = (byte) (255 - (chw[p] & 0xFF) - shift);
            return out;
        };
        SplittableRandom rng = new SplittableRandom(5);
        SplittableRandom replay = new SplittableRandom(5);
        DataSet ds = new BatchAssembler().assemble(split, 3, new int[] {0, 2}, 0, 2, invertPlusNoise, rng);
        for (int k = 0; k < 2; k++) {
            int shift = replay.nextInt(3);
            byte[] px = split.image(k == 0 ? 0 : 2);
            assertEquals((255 - (px[5] & 0xFF) - shift) / 255f, ds.getFeatures().getFloat(k, 0, 1, 2), 1e-7f);
        }
        assertArrayEquals(original, split.image(0));
    }
}
