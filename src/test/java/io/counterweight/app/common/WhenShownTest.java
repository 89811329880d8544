package io.counterweight.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

class WhenShownTest {
    private final SimpleBooleanProperty shown = new SimpleBooleanProperty(true);
    private int redraws;
    private final WhenShown whenShown = new WhenShown(shown, () -> redraws++);

    @Test
    void redrawsAtOnceWhileShown() {
        whenShown.request();
        whenShown.request();
        assertEquals(2, redraws);
    }

    @Test
    void whileHiddenManyRequestsBecomeOneRedrawWhenShown() {
        shown.set(false);
        whenShown.request();
        whenShown.request();
        assertEquals(0, redraws);
        shown.set(true);
        assertEquals(1, redraws);
        shown.set(false);
        shown.set(true);
        assertEquals(1, redraws, "nothing new was asked for");
    }
}
