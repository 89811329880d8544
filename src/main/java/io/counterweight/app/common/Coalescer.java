package io.counterweight.app.common;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Turns a burst of redraw requests into one redraw. A newly loaded data set changes the selection, then
 * the class weights, then the rows derived from both, and each change used to redraw the same chart in
 * the same pulse; with a coalescer the view asks {@link #request()} for each and draws once, after the
 * burst, on the FX thread. Not thread-safe: call it on the thread the poster posts to.
 */
public final class Coalescer {
    private final Runnable action;
    private final Consumer<Runnable> poster;
    private boolean pending;

    /** Coalesces onto the FX thread ({@code Platform.runLater}). */
    public static Coalescer onFxThread(Runnable action) {
        return new Coalescer(action, javafx.application.Platform::runLater);
    }

    /** @param poster runs its argument later on the UI thread (tests pass a queue they drain themselves) */
    public Coalescer(Runnable action, Consumer<Runnable> poster) {
        this.action = Objects.requireNonNull(action);
        this.poster = Objects.requireNonNull(poster);
    }

    /** Asks for one run of the action; requests made before it runs share that run. */
    public void request() {
        if (pending) return;
        pending = true;
        poster.accept(() -> {
            pending = false; // cleared first: a request made by the action itself schedules one more run
            action.run();
        });
    }

    /** Whether a run is scheduled and has not started yet. */
    public boolean isPending() {
        return pending;
    }
}
