package io.counterweight.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.counterweight.core.CounterweightException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class ErrorReporterTest {
    @Test
    void userErrorsAreShownAsTheyAre() {
        assertEquals("/data/x: no such folder", ErrorReporter.userMessage(new CounterweightException("/data/x: no such folder")));
    }

    @Test
    void userErrorWrappedInAnotherExceptionStillWins() {
        Exception e = new ExecutionException(new IllegalStateException("wrapper", new CounterweightException("--lr must be in (0, 10)")));
        assertEquals("--lr must be in (0, 10)", ErrorReporter.userMessage(e));
    }

    @Test
    void unexpectedErrorsPointToTheLog() {
        assertEquals("IllegalStateException: boom (see log)", ErrorReporter.userMessage(new IllegalStateException("boom\nat line 2")));
        assertEquals("NullPointerException (see log)", ErrorReporter.userMessage(new NullPointerException()));
    }
}
