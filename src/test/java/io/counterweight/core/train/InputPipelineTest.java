package io.counterweight.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.data.ImageShape;
import io.counterweight.core.data.ImageSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

class InputPipelineTest {
    private static final ImageShape SHAPE = new ImageShape(3, 8, 8);
    private static final ImageSplit SPLIT = GeneratedImages.balanced(SHAPE, 10, 1);
    /** Adds random noise drawn from the batch's stream, so any change of stream shows in the pixels. */
    private static final BatchTransform NOISE = (chw, rng) -> {
        byte[] out = chw.clone();
        for (int p = 0; p < out.length; p++) out[p] = (byte) ((out[p] & 0xFF) ^ rng.nextInt(8));
        return out;
    };

    private static List<float[]> collect(int threads, int prefetch, long seed) {
        int[] order = EpochOrder.shuffled(SPLIT.size()).indices(new java.util.SplittableRandom(3));
        List<float[]> out = new ArrayList<>();
        try (InputPipeline p = new InputPipeline(threads, prefetch);
             InputPipeline.Batches batches = p.batches(SPLIT, 4, order, 6, NOISE, seed)) {
            assertEquals(7, batches.count()); // 40 images in batches of 6
            while (batches.hasNext()) {
                DataSet ds = batches.next();
                out.add(ds.getFeatures().data().asFloat());
                out.add(ds.getLabels().data().asFloat());
            }
        }
        return out;
    }

    @Test
    void sameSeedGivesIdenticalBatchesWhateverTheThreadsAndPrefetch() {
        List<float[]> reference = collect(1, 1, 99);
        for (int[] setting : new int[][] {{2, 4}, {2, 1}, {1, 4}}) {
            List<float[]> other = collect(setting[0], setting[1], 99);
            assertEquals(reference.size(), other.size());
            for (int i = 0; i < reference.size(); i++) {
                assertTrue(java.util.Arrays.equals(reference.get(i), other.get(i)), "batch part " + i + " differs");
            }
        }
        List<float[]> otherSeed = collect(2, 4, 100);
        assertNotEquals(java.util.Arrays.toString(reference.get(0)), java.util.Arrays.toString(otherSeed.get(0)));
    }

    @Test
    void closeStopsWorkerThreadsEvenWithBatchesPending() throws InterruptedException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        InputPipeline p = new InputPipeline(2, 4);
        InputPipeline.Batches batches = p.batches(SPLIT, 4, EpochOrder.sequential(40).indices(null), 2, NOISE, 1);
        batches.next();
        batches.close();
        p.close();
        assertTrue(p.isTerminated());
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (before.contains(t) || !t.getName().startsWith("counterweight-input")) continue;
            // The executor reports termination just before its last worker thread exits: wait for
            // that exit (bounded), then check. A worker still running after close() fails here.
            t.join(5_000);
            assertTrue(!t.isAlive(), t.getName() + " still alive after close()");
        }
    }

    @Test
    void closingAPassEarlyFreesEveryBatchAssembledButNotTaken() throws InterruptedException {
        InputPipeline p = new InputPipeline(2, 4);
        InputPipeline.Batches batches = p.batches(SPLIT, 4, EpochOrder.sequential(40).indices(null), 2, NOISE, 1);
        DataSet taken = batches.next();
        // the pass keeps 4 batches in flight: wait until they are assembled, so they are the caller's to free
        assertTrue(batches.awaitAssembled(5, 10_000), "prefetch did not assemble 5 batches");
        batches.close(); // a cancel or an error ends the epoch here
        p.close();       // waits for the workers, so no batch is still being built
        int[] counts = batches.assembledAndFreed();
        assertTrue(counts[0] >= 5, "assembled " + counts[0]);
        assertEquals(counts[0] - 1, counts[1], "every batch assembled but not taken is freed");
        assertTrue(!taken.getFeatures().wasClosed(), "the taken batch stays the caller's");
        BatchAssembler.release(taken);
    }

    @Test
    void aFailingTransformSurfacesOnTheConsumerThread() {
        BatchTransform broken = (chw, rng) -> {
            throw new IllegalStateException("bad image");
        };
        try (InputPipeline p = new InputPipeline(1, 2)) {
            InputPipeline.Batches batches = p.batches(SPLIT, 4, EpochOrder.sequential(40).indices(null), 8, broken, 1);
            assertEquals("bad image", assertThrows(IllegalStateException.class, batches::next).getMessage());
        }
    }
}
