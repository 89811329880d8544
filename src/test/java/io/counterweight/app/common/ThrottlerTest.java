package io.counterweight.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.app.testing.ManualUiScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ThrottlerTest {
    private final ManualUiScheduler scheduler = ManualUiScheduler.manual();
    private final List<List<Integer>> flushes = new ArrayList<>();
    private final Throttler<Integer> throttler = new Throttler<>(100, scheduler, flushes::add);

    @Test
    void burstIsDeliveredAsOneBatchInOrder() {
        for (int i = 0; i < 500; i++) throttler.offer(i);
        assertEquals(1, scheduler.pendingCount(), "one flush scheduled for the whole burst");
        scheduler.advance(0);
        assertEquals(1, flushes.size());
        assertEquals(IntStream.range(0, 500).boxed().toList(), flushes.get(0));
    }

    @Test
    void flushesAreAtLeastOneIntervalApart() {
        throttler.offer(1);
        scheduler.advance(0);
        scheduler.advance(10);
        throttler.offer(2);
        throttler.offer(3);
        assertEquals(90, scheduler.requestedDelays().get(1), "waits out the rest of the interval");
        scheduler.advance(89);
        assertEquals(1, flushes.size(), "not before the interval ends");
        scheduler.advance(1);
        assertEquals(List.of(List.of(1), List.of(2, 3)), flushes);
    }

    @Test
    void atMostTenUpdatesPerSecondUnderSteadyLoad() {
        // One event every millisecond for two seconds of clock time.
        for (int t = 0; t < 2000; t++) {
            throttler.offer(t);
            scheduler.advance(1);
        }
        scheduler.advance(100);
        assertTrue(flushes.size() <= 21, "flushes: " + flushes.size());
        assertTrue(flushes.size() >= 19, "still updates steadily: " + flushes.size());
        assertEquals(2000, flushes.stream().mapToInt(List::size).sum(), "no event lost");
    }

    @Test
    void concurrentProducersLoseNothing() throws Exception {
        ManualUiScheduler immediate = ManualUiScheduler.immediate();
        List<Integer> all = java.util.Collections.synchronizedList(new ArrayList<>());
        Throttler<Integer> t = new Throttler<>(0, immediate, batch -> all.addAll(batch));
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            int base = p * 10_000;
            Thread th = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 10_000; i++) t.offer(base + i);
            });
            threads.add(th);
            th.start();
        }
        go.countDown();
        for (Thread th : threads) th.join();
        t.flush();
        assertEquals(40_000, all.size());
        assertEquals(40_000, all.stream().distinct().count());
    }
}
