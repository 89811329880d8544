package io.counterweight.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Heap in use after a full GC and the process's peak resident set (VmHWM). */
public final class MemoryProbe {
    private MemoryProbe() {}

    /** Heap bytes in use after asking for full collections until the figure settles. */
    public static long heapUsedAfterGc() {
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (Math.abs(last - used) < (1 << 20)) return used;
            last = used;
        }
        return last;
    }

    /** Peak resident set size of this process in bytes (Linux /proc), or -1. */
    public static long peakRss() {
        return procStatusKb("VmHWM:") * 1024;
    }

    /** Resident set size of this process now, in bytes (Linux /proc), or -1. */
    public static long rss() {
        long kb = procStatusKb("VmRSS:");
        return kb < 0 ? -1 : kb * 1024;
    }

    /** Off-heap bytes ND4J counts as allocated now (arrays and workspaces; its own tracker, device 0 = the host on CPU). */
    public static long offHeap() {
        return org.nd4j.linalg.api.memory.AllocationsTracker.getInstance().bytesOnDevice(0);
    }

    private static long procStatusKb(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
