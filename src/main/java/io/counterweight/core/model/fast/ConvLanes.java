package io.counterweight.core.model.fast;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Splits a batch into contiguous image ranges run side by side: the calling thread takes the last
 * range, daemon worker threads the others. The number of lanes is the process's thread budget for
 * convolutions, all cores by default like ND4J's own; {@code NativeThreads.apply} (the bench's and the
 * workbench's thread setting) sets it together with ND4J's, OpenMP's and OpenBLAS's.
 * (ND4J's {@code Environment.setMaxThreads} cannot carry it: in 1.0.0-M2.1 it does not change {@code maxThreads()}.)
 * Work submitted here must not touch ND4J workspaces (they are per thread): raw pointers and Java arrays only.
 */
public final class ConvLanes {
    @FunctionalInterface
    interface Range {
        void run(int lane, int fromImage, int toImage);
    }

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "counterweight-conv-" + NAMES.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private static volatile int threads = Runtime.getRuntime().availableProcessors();

    private ConvLanes() {}

    /** Sets how many threads a convolution may split its batch over (at least 1). */
    public static void setThreads(int count) {
        threads = Math.max(1, count);
    }

    public static int threads() {
        return threads;
    }

    /** Lanes for a batch of n images: the thread budget, at most one per image, at least one. */
    static int threadsFor(int n) {
        return Math.max(1, Math.min(n, threads));
    }

    /** Runs {@code work} over [0, n) in {@code lanes} non-empty ranges (lanes ≤ n) and waits for all of them. */
    static void run(int n, int lanes, Range work) {
        if (lanes <= 1) {
            work.run(0, 0, n);
            return;
        }
        @SuppressWarnings("unchecked")
        Future<?>[] others = new Future<?>[lanes - 1];
        for (int t = 0; t < lanes - 1; t++) {
            int lane = t, from = (int) ((long) n * t / lanes), to = (int) ((long) n * (t + 1) / lanes);
            others[t] = WORKERS.submit(() -> work.run(lane, from, to));
        }
        RuntimeException failure = null;
        try {
            work.run(lanes - 1, (int) ((long) n * (lanes - 1) / lanes), n);
        } catch (RuntimeException e) {
            failure = e;
        }
        boolean interrupted = false;
        for (Future<?> f : others) { // always wait for every lane: they write into buffers the caller reuses
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // keep waiting (lanes take milliseconds), then restore the flag
                } catch (java.util.concurrent.ExecutionException e) {
                    if (failure == null) failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    break;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (failure != null) throw failure;
    }
}
