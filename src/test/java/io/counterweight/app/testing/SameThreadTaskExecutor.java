package io.counterweight.app.testing;

import io.counterweight.app.common.BackgroundJob;
import io.counterweight.app.common.ErrorReporter;
import io.counterweight.app.common.JobContext;
import io.counterweight.app.common.JobHandle;
import io.counterweight.app.common.TaskExecutor;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Runs jobs on the calling thread, either at once or (when {@code deferred}) when the test calls
 * {@link #runPending()}, so a test can cancel a job before it runs. Callbacks run on the same thread
 * in the same order as in the app: done, then success / failure / cancelled.
 */
public final class SameThreadTaskExecutor implements TaskExecutor {
    private final ErrorReporter errors;
    private final boolean deferred;
    private final Deque<Runnable> pending = new ArrayDeque<>();
    private int executed;

    public SameThreadTaskExecutor(ErrorReporter errors) {
        this(errors, false);
    }

    public SameThreadTaskExecutor(ErrorReporter errors, boolean deferred) {
        this.errors = errors;
        this.deferred = deferred;
    }

    @Override
    public <T> JobHandle execute(BackgroundJob<T> job) {
        boolean[] state = new boolean[2]; // cancelled, done
        Runnable run = () -> {
            if (state[0]) {
                state[1] = true;
                job.doneHandler().run();
                job.cancelledHandler().run();
                return;
            }
            executed++;
            JobContext ctx = new JobContext() {
                @Override public void update(String message, long done, long total) {
                    job.progressHandler().onProgress(message, total > 0 ? (double) done / total : -1);
                }
                @Override public boolean isCancelled() { return state[0]; }
            };
            try {
                T value = job.work().call(ctx);
                state[1] = true;
                job.doneHandler().run();
                if (state[0]) job.cancelledHandler().run();
                else job.successHandler().accept(value);
            } catch (Exception e) {
                state[1] = true;
                job.doneHandler().run();
                if (job.failureHandler() != null) job.failureHandler().accept(e);
                else errors.report(e);
            }
        };
        if (deferred) pending.add(run);
        else run.run();
        return new JobHandle() {
            @Override public void cancel() { state[0] = true; }
            @Override public boolean isDone() { return state[1]; }
        };
    }

    /** Runs the oldest queued job (deferred mode). */
    public void runNext() {
        pending.poll().run();
    }

    /** Runs the queued jobs in order (deferred mode). */
    public void runPending() {
        while (!pending.isEmpty()) pending.poll().run();
    }

    /** How many jobs actually ran their work (cancelled-before-start ones do not count). */
    public int executed() {
        return executed;
    }

    @Override
    public void shutdown() {
        pending.clear();
    }
}
