package io.counterweight.app.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

/**
 * Runs each {@link BackgroundJob} as a {@code javafx.concurrent.Task} on a pool of daemon threads.
 * The Task coalesces progress updates and delivers success/failure/cancel on the FX thread, so the
 * job's callbacks may touch properties and nodes. Running tasks are listed for the status bar.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private static final System.Logger LOG = System.getLogger(FxTaskExecutor.class.getName());

    private final ExecutorService pool;
    private final ErrorReporter errors;
    private final ObservableList<Task<?>> running = FXCollections.observableArrayList();

    public FxTaskExecutor(ErrorReporter errors) {
        this.errors = errors;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "counterweight-worker-" + n.incrementAndGet());
            t.setDaemon(true); // a running training must not keep the JVM alive after the window closes
            // Background work yields to the FX and render threads when cores are short; threads it starts
            // (input pipeline, replicas) inherit this. Linux honours it only with -XX:ThreadPriorityPolicy=1,
            // which bin/counterweight gui sets (docs/reliability.md, "A responsive window").
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    /** Tasks currently running; changes on the FX thread only. */
    public ObservableList<Task<?>> runningTasks() {
        return running;
    }

    @Override
    public <T> JobHandle execute(BackgroundJob<T> job) {
        if (pool.isShutdown()) return JobHandle.NONE; // the window is closing: late requests are dropped
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateTitle(job.title());
                return job.work().call(new JobContext() {
                    @Override
                    public void update(String message, long done, long total) {
                        if (message != null) updateMessage(message);
                        if (total > 0) updateProgress(done, total);
                        else updateProgress(-1, 1);
                    }

                    @Override
                    public boolean isCancelled() {
                        return Thread.currentThread().isInterrupted() || isCancelledTask();
                    }
                });
            }

            private boolean isCancelledTask() {
                return isCancelled();
            }
        };
        task.progressProperty().addListener((o, a, b) -> job.progressHandler().onProgress(task.getMessage(), b.doubleValue()));
        task.messageProperty().addListener((o, a, b) -> job.progressHandler().onProgress(b, task.getProgress()));
        task.stateProperty().addListener((o, a, state) -> {
            if (state == Worker.State.SUCCEEDED || state == Worker.State.FAILED || state == Worker.State.CANCELLED) {
                running.remove(task);
            }
        });
        task.setOnSucceeded(e -> {
            job.doneHandler().run();
            job.successHandler().accept(task.getValue());
        });
        task.setOnCancelled(e -> {
            job.doneHandler().run();
            job.cancelledHandler().run();
        });
        task.setOnFailed(e -> {
            job.doneHandler().run();
            Throwable error = task.getException();
            LOG.log(System.Logger.Level.ERROR, "job '" + job.title() + "' failed", error);
            if (job.failureHandler() != null) job.failureHandler().accept(error);
            else errors.report(error);
        });
        if (!job.isQuiet()) running.add(task);
        pool.execute(task);
        return new JobHandle() {
            @Override public void cancel() { task.cancel(true); }
            @Override public boolean isDone() { return task.isDone(); }
        };
    }

    @Override
    public void shutdown() {
        pool.shutdownNow();
    }
}
