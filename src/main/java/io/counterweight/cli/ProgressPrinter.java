package io.counterweight.cli;

import io.counterweight.core.Durations;
import io.counterweight.core.Progress;
import io.counterweight.core.train.TrainingEvent;
import io.counterweight.core.train.TrainingListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Prints training and loading progress on stderr (stdout is kept for results and JSON). On a terminal
 * one line is rewritten in place; otherwise a line at most every few seconds, so logs stay short.
 */
final class ProgressPrinter implements TrainingListener, Progress {
    private static final long TERMINAL_INTERVAL_NANOS = 250_000_000L;
    private static final long LOG_INTERVAL_NANOS = 5_000_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private final BooleanSupplier cancelled;
    private long lastPrint;
    private boolean lineOpen;

    ProgressPrinter(PrintWriter err) {
        this(err, () -> false);
    }

    /** @param cancelled whether the user asked to stop: the readers then stop loading ({@link Progress#isCancelled()}) */
    ProgressPrinter(PrintWriter err, BooleanSupplier cancelled) {
        this.err = err;
        this.terminal = System.console() != null;
        this.cancelled = cancelled;
    }

    @Override
    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }

    @Override
    public void onEvent(TrainingEvent event) {
        if (event instanceof TrainingEvent.Started s) {
            println(String.format(Locale.ROOT, "[%s] training on %s / %s: %d epochs x %d batches, %d training and %d test images",
                    s.label(), s.backend(), s.device(), s.epochs(), s.batchesPerEpoch(), s.trainSize(), s.testSize()));
        } else if (event instanceof TrainingEvent.BatchDone b) {
            if (due() || b.batch() == b.batchesPerEpoch()) {
                transientLine(String.format(Locale.ROOT, "epoch %d batch %d/%d  loss %.4f  %.0f images/s  ETA %s",
                        b.epoch(), b.batch(), b.batchesPerEpoch(), b.loss(), b.imagesPerSecond(), Durations.clock(b.etaSeconds())));
            }
        } else if (event instanceof TrainingEvent.EpochDone e) {
            println(String.format(Locale.ROOT,
                    "epoch %d/%d  train loss %.4f  test loss %.4f  accuracy %.2f%%  macro-F1 %.4f  balanced %.2f%%  (%.0f images/s, %.1f s)",
                    e.epoch(), e.epochs(), e.trainLoss(), e.testLoss(), 100 * e.report().accuracy(), e.report().macroF1(),
                    100 * e.report().balancedAccuracy(), e.imagesPerSecond(), e.seconds()));
        } else if (event instanceof TrainingEvent.Finished f && f.cancelled()) {
            println("stopped after " + f.epochsDone() + " epoch(s)");
        }
    }

    @Override
    public void update(String message, long done, long total) {
        if (!due() && done != total) return;
        transientLine(total > 0 ? String.format(Locale.ROOT, "%s %d/%d", message, done, total) : message);
    }

    @Override
    public void warn(String message) {
        println("counterweight: warning: " + message);
    }

    /** Ends any in-place line so the next output starts on a fresh line. */
    void finishLine() {
        if (lineOpen) err.println();
        lineOpen = false;
        err.flush();
    }

    private boolean due() {
        long now = System.nanoTime();
        if (now - lastPrint < (terminal ? TERMINAL_INTERVAL_NANOS : LOG_INTERVAL_NANOS)) return false;
        lastPrint = now;
        return true;
    }

    private void transientLine(String line) {
        if (terminal) {
            err.print("\r" + line + "\u001B[K");
            lineOpen = true;
        } else {
            err.println(line);
        }
        err.flush();
    }

    private void println(String line) {
        finishLine();
        err.println(line);
        err.flush();
    }
}
