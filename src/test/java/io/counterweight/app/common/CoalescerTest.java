package io.counterweight.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class CoalescerTest {
    private final Queue<Runnable> posted = new ArrayDeque<>();
    private int runs;
    private final Coalescer coalescer = new Coalescer(() -> runs++, posted::add);

    private void drain() {
        while (!posted.isEmpty()) posted.poll().run();
    }

    @Test
    void aBurstOfRequestsRunsTheActionOnce() {
        coalescer.request();
        coalescer.request();
        coalescer.request();
        assertEquals(0, runs, "nothing runs before the UI thread gets to it");
        assertEquals(1, posted.size());
        assertTrue(coalescer.isPending());
        drain();
        assertEquals(1, runs);
        assertFalse(coalescer.isPending());
    }

    @Test
    void aRequestAfterTheRunSchedulesAnother() {
        coalescer.request();
        drain();
        coalescer.request();
        drain();
        assertEquals(2, runs);
    }

    @Test
    void aRequestMadeByTheActionItselfIsNotLost() {
        Queue<Runnable> queue = new ArrayDeque<>();
        int[] count = {0};
        Coalescer[] self = new Coalescer[1];
        self[0] = new Coalescer(() -> { if (++count[0] == 1) self[0].request(); }, queue::add);
        self[0].request();
        while (!queue.isEmpty()) queue.poll().run();
        assertEquals(2, count[0]);
    }
}
