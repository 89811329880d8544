package io.counterweight.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ThreadPlanTest {

    @Test
    void splitsOnlyWhenEveryThreadGetsEnoughWork() {
        double min = ThreadPlan.MIN_FLOPS_PER_THREAD;
        assertEquals(new ThreadPlan(1, 1), ThreadPlan.of(min, 1, 8), "one thread's worth of work");
        assertEquals(new ThreadPlan(1, 1), ThreadPlan.of(min / 10, 19, 8), "just under two threads' worth");
        assertEquals(new ThreadPlan(2, 4), ThreadPlan.of(min / 10, 20, 8), "two threads' worth: 2 replicas, 4 native threads each");
        assertEquals(new ThreadPlan(8, 1), ThreadPlan.of(min, 100, 8), "plenty: one replica per thread");
        assertEquals(new ThreadPlan(3, 2), ThreadPlan.of(min * 10, 3, 8), "never more replicas than images: the other threads go to their ops");
        assertEquals(new ThreadPlan(1, 1), ThreadPlan.of(min * 100, 128, 1), "one thread allowed");
        assertEquals(8, ThreadPlan.of(min, 100, 8).threads());
    }

    @Test
    void rejectsEmptyPlans() {
        assertThrows(IllegalArgumentException.class, () -> new ThreadPlan(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ThreadPlan(1, 0));
    }
}
