package io.counterweight.core.train;

import io.counterweight.core.data.ImageSplit;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Assembles (and augments) batches ahead of training on its own worker threads, keeping at most
 * {@code prefetch} batches in flight, so the training thread does not wait for the CPU work of
 * augmentation. Batches come out in order. Each batch's random stream is seeded from
 * (stream seed, batch index) alone, so the batches are identical whatever the thread count or timing.
 *
 * <p>One pipeline serves a whole run; {@link #close()} stops its threads.
 */
public final class InputPipeline implements AutoCloseable {
    public static final int DEFAULT_PREFETCH = 4;
    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private final ExecutorService workers;
    private final int prefetch;
    private final ThreadLocal<BatchAssembler> assemblers = ThreadLocal.withInitial(BatchAssembler::new);

    public InputPipeline(int threads, int prefetch) {
        if (threads < 1 || prefetch < 1) throw new IllegalArgumentException("threads and prefetch must be at least 1");
        this.prefetch = prefetch;
        int pool = POOL_NUMBER.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "counterweight-input-" + pool + "-" + n.incrementAndGet());
            t.setDaemon(true); // never keeps the JVM alive if a caller forgets close()
            return t;
        });
    }

    /** Threads for a machine: one spare core for the pipeline, at most two. */
    public static int defaultThreads() {
        return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors() - 1));
    }

    /** The batches of {@code order} over {@code split}, {@code batchSize} images each (the last may be smaller). */
    public Batches batches(ImageSplit split, int numClasses, int[] order, int batchSize,
                           BatchTransform transform, long streamSeed) {
        return new Batches(split, numClasses, order, batchSize, transform, streamSeed, BatchMix.NONE, 0);
    }

    /** As above, each assembled batch then mixed by {@code mix} with its own stream from {@code mixSeed}. */
    public Batches batches(ImageSplit split, int numClasses, int[] order, int batchSize,
                           BatchTransform transform, long streamSeed, BatchMix mix, long mixSeed) {
        return new Batches(split, numClasses, order, batchSize, transform, streamSeed, mix, mixSeed);
    }

    /** Stops the worker threads, abandoning queued work, and waits briefly for them to end. */
    @Override
    public void close() {
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isTerminated() {
        return workers.isTerminated();
    }

    /** The batches of one pass, consumed in order on one thread. */
    public final class Batches implements Iterator<DataSet>, AutoCloseable {
        private final ImageSplit split;
        private final int numClasses;
        private final int[] order;
        private final int batchSize;
        private final BatchTransform transform;
        private final long streamSeed;
        private final BatchMix mix;
        private final long mixSeed;
        private final int count;
        private final ArrayDeque<Future<DataSet>> inFlight = new ArrayDeque<>();
        private int submitted;
        private int taken;
        private int assembled; // batches built, and of those freed here rather than by the taker (guarded by this)
        private int freedHere;

        private Batches(ImageSplit split, int numClasses, int[] order, int batchSize, BatchTransform transform, long streamSeed,
                        BatchMix mix, long mixSeed) {
            if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1");
            this.split = split;
            this.numClasses = numClasses;
            this.order = order;
            this.batchSize = batchSize;
            this.transform = transform;
            this.streamSeed = streamSeed;
            this.mix = mix;
            this.mixSeed = mixSeed;
            this.count = (order.length + batchSize - 1) / batchSize;
            fill();
        }

        public int count() {
            return count;
        }

        @Override
        public boolean hasNext() {
            return taken < count;
        }

        /**
         * The next batch, waiting for it if needed.
         *
         * @throws CancellationException if the calling thread is interrupted while waiting
         */
        @Override
        public DataSet next() {
            if (!hasNext()) throw new NoSuchElementException();
            Future<DataSet> head = inFlight.removeFirst();
            taken++;
            fill();
            try {
                return head.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting for a batch");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                if (e.getCause() instanceof Error err) throw err;
                throw new IllegalStateException("assembling a batch failed", e.getCause());
            }
        }

        /**
         * Abandons the batches not yet taken (after a cancel, an error or a stop) and frees the off-heap
         * arrays of those already assembled, so no exit path leaves native memory to the garbage collector.
         */
        @Override
        public void close() {
            for (Future<DataSet> f : inFlight) {
                if (!f.cancel(true) && f.isDone() && !f.isCancelled()) {
                    try {
                        release(f.get());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (ExecutionException e) {
                        // its failure was never taken: nothing was assembled to free
                    }
                }
            }
            inFlight.clear();
        }

        private void fill() {
            while (submitted < count && inFlight.size() < prefetch) {
                int b = submitted++;
                inFlight.addLast(workers.submit(() -> build(b)));
            }
        }

        private DataSet build(int b) {
            int from = b * batchSize;
            int to = Math.min(order.length, from + batchSize);
            SplittableRandom rng = new SplittableRandom(StreamSeeds.child(streamSeed, b));
            SplittableRandom mixRng = mix == BatchMix.NONE ? null : new SplittableRandom(StreamSeeds.child(mixSeed, b));
            DataSet batch = assemblers.get().assemble(split, numClasses, order, from, to, transform, rng, mix, mixRng);
            synchronized (this) {
                assembled++;
                notifyAll();
            }
            if (Thread.currentThread().isInterrupted()) { // cancelled while assembling: nobody will take it
                release(batch);
                return null;
            }
            return batch;
        }

        private void release(DataSet batch) {
            BatchAssembler.release(batch);
            synchronized (this) {
                freedHere++;
            }
        }

        /** Tests: waits until {@code n} batches have been assembled, at most {@code millis}; false on time-out. */
        synchronized boolean awaitAssembled(int n, long millis) throws InterruptedException {
            long deadline = System.currentTimeMillis() + millis;
            while (assembled < n) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) return false;
                wait(left);
            }
            return true;
        }

        /** Tests: batches assembled, and those of them freed by this pass instead of by the caller who took them. */
        synchronized int[] assembledAndFreed() {
            return new int[] {assembled, freedHere};
        }
    }
}
