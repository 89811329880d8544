package io.counterweight.app.common;

import io.counterweight.core.CounterweightException;

/** Shows an error to the user. The app shows an alert dialog; tests collect the messages. */
@FunctionalInterface
public interface ErrorReporter {
    void report(Throwable error);

    /**
     * The one line the user sees: a {@link CounterweightException} is already written for them;
     * anything else is a bug, so its message is followed by a pointer to the log.
     */
    static String userMessage(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof CounterweightException) return e.getMessage();
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return text.lines().findFirst().orElse(text) + " (see log)";
    }

    /** The exception that matters: a CounterweightException anywhere in the cause chain wins. */
    static Throwable unwrap(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof CounterweightException) return t;
            if (t.getCause() == t) break;
        }
        Throwable t = error;
        while ((t instanceof java.util.concurrent.ExecutionException || t instanceof java.lang.reflect.InvocationTargetException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
