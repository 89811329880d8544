package io.counterweight.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * User and system CPU seconds of this process from /proc/self/stat (Linux); zeros elsewhere. System time
 * well above a few percent of user time during training means spinning threads or allocator churn.
 */
public record CpuTimes(double userSeconds, double systemSeconds) {
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on every Linux we target

    public static CpuTimes now() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ", field 3 (state) is index 0, so utime (14) is index 11, stime (15) index 12
            return new CpuTimes(Long.parseLong(f[11]) / TICKS_PER_SECOND, Long.parseLong(f[12]) / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return new CpuTimes(0, 0);
        }
    }

    public CpuTimes minus(CpuTimes earlier) {
        return new CpuTimes(userSeconds - earlier.userSeconds, systemSeconds - earlier.systemSeconds);
    }
}
