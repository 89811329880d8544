package io.counterweight.app.common;

import java.util.Objects;
import javafx.beans.value.ObservableBooleanValue;

/**
 * A redraw that waits while its screen is hidden. A run reports sampler draws every epoch and every load
 * renders a new augmentation preview; rebuilding nodes nobody sees cost the window its longest frames
 * (docs/reliability.md). {@link #request()} runs the redraw now when shown, else once when next shown.
 * FX thread only.
 */
public final class WhenShown {
    private final ObservableBooleanValue shown;
    private final Runnable redraw;
    private boolean stale;

    public WhenShown(ObservableBooleanValue shown, Runnable redraw) {
        this.shown = Objects.requireNonNull(shown);
        this.redraw = Objects.requireNonNull(redraw);
        shown.addListener((o, was, now) -> {
            if (now && stale) {
                stale = false;
                redraw.run();
            }
        });
    }

    public void request() {
        if (shown.get()) redraw.run();
        else stale = true;
    }
}
