package io.counterweight.app.common;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;

/**
 * Measures how responsive the window is: an {@link AnimationTimer} hands every pulse's time to a
 * {@link PulseStats}, and once a second a daemon thread (not the FX thread) appends one line to a log:
 *
 * <pre>
 * pulse 2026-12-02T05:01:02.123Z t=12.004 gaps=59 max=18.3 p50=16 p99=18 slow=0 heap=84.1 rss=612.0 hist=16:40,17:19
 * mark  2026-12-02T05:01:03.456Z t=13.337 run-end heap=140.2 rss=650.1
 * mark  2026-12-02T05:01:03.990Z t=13.840 gc after=run-end heapAfterGc=31.2 rss=640.5 gcMs=41
 * gap   2026-12-02T05:01:04.512Z t=14.362 ms=88.4
 * </pre>
 *
 * (times in seconds since the monitor started; gaps in ms; memory in MB; {@code slow} = gaps over
 * {@value PulseStats#SLOW_GAP_MILLIS} ms; {@code hist} = gaps per whole ms, to merge phases exactly). A {@code gap} line, written with the
 * second's pulse line, gives the end of each gap of at least {@value PulseStats#LONG_GAP_MILLIS} ms to the
 * millisecond, on the wall clock of GC logs ({@code -Xlog:gc:...:utctime}) and JFR recordings.
 * Switched on only by {@code -Dcounterweight.pulseLog=FILE} ({@link #startIfRequested}); without it
 * nothing is created and nothing runs. {@code bench/pulse.sh} drives the real window with it.
 */
public final class PulseMonitor {
    public static final String PROPERTY = "counterweight.pulseLog";
    private static final System.Logger LOG = System.getLogger(PulseMonitor.class.getName());

    private final PulseStats stats = new PulseStats();
    private final BufferedWriter out;
    private final long startNanos = System.nanoTime();
    private final Instant startInstant = Instant.now(); // with startNanos: turns pulse times into wall-clock times
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "counterweight-pulse-log");
        t.setDaemon(true);
        return t;
    });
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            stats.pulse(now);
        }
    };

    private PulseMonitor(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The monitor if {@value #PROPERTY} names a file, started (call on the FX thread); else null. */
    public static PulseMonitor startIfRequested() {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) return null;
        try {
            PulseMonitor m = new PulseMonitor(Path.of(file));
            m.start();
            return m;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write the pulse log " + file + ": " + e.getMessage());
            return null;
        }
    }

    private void start() {
        write(String.format(Locale.ROOT, "start %s pid=%d maxHeap=%.0f gc=%s", Instant.now(), ProcessHandle.current().pid(),
                mb(Runtime.getRuntime().maxMemory()), gcNames()));
        timer.start();
        writer.scheduleAtFixedRate(this::logInterval, 1, 1, TimeUnit.SECONDS);
    }

    private void logInterval() {
        PulseStats.Interval i = stats.takeInterval();
        write(String.format(Locale.ROOT, "pulse %s t=%.3f gaps=%d max=%.1f p50=%d p99=%d slow=%d heap=%.1f rss=%.1f hist=%s",
                Instant.now(), seconds(), i.gaps(), i.maxMillis(), i.percentileMillis(0.5), i.percentileMillis(0.99), i.slowGaps(),
                mb(memory.getHeapMemoryUsage().getUsed()), rssMb(), i.sparseHistogram()));
        for (PulseStats.LongGap g : i.longGaps()) {
            long sinceStart = g.endNanos() - startNanos;
            write(String.format(Locale.ROOT, "gap %s t=%.3f ms=%.1f", startInstant.plusNanos(sinceStart), sinceStart / 1e9, g.millis()));
        }
    }

    /** A named event in the log (a load or run started or ended), written at once. */
    public void mark(String event) {
        writer.execute(() -> write(String.format(Locale.ROOT, "mark %s t=%.3f %s heap=%.1f rss=%.1f",
                Instant.now(), seconds(), event, mb(memory.getHeapMemoryUsage().getUsed()), rssMb())));
    }

    /**
     * A named event, then, half a second later (the run's last redraws), the pulse line so far, a full
     * GC on the logging thread, a pulse line for the GC alone, and a mark {@code gc} with the heap in use
     * after it and the resident set. The GC stops every thread, the FX thread too: its stall is in that
     * second line, which starts at the mark's {@code t}, apart from the event's own lines.
     */
    public void markAfterGc(String event) {
        mark(event);
        writer.schedule(() -> {
            logInterval();
            double t = seconds();
            long t0 = System.nanoTime();
            System.gc();
            long gcMs = (System.nanoTime() - t0) / 1_000_000;
            pause(100); // the first pulse after the GC, whose gap holds the GC's stall
            logInterval();
            write(String.format(Locale.ROOT, "mark %s t=%.3f gc after=%s heapAfterGc=%.1f rss=%.1f gcMs=%d",
                    Instant.now(), t, event, mb(memory.getHeapMemoryUsage().getUsed()), rssMb(), gcMs));
        }, 500, TimeUnit.MILLISECONDS);
    }

    public void stop() {
        timer.stop();
        writer.shutdown();
        try {
            writer.awaitTermination(2, TimeUnit.SECONDS);
            out.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void write(String line) {
        try {
            out.write(line);
            out.newLine();
            out.flush();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "pulse log: " + e.getMessage());
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static String gcNames() {
        return String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName().replace(' ', '_')).toList());
    }

    /** The resident set from /proc/self/status (Linux); -1 elsewhere. */
    static double rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return parseKb(line) / 1024.0;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    static long parseKb(String statusLine) {
        String[] parts = statusLine.trim().split("\\s+");
        return Long.parseLong(parts[1]);
    }
}
