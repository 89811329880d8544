package io.counterweight.core;

/**
 * An error the user can act on: bad input, a bad option, a broken file. Its message is shown as it
 * is (one line, naming the file or option and what is wrong), never as a stack trace.
 */
public class CounterweightException extends RuntimeException {
    public CounterweightException(String message) {
        super(message);
    }

    public CounterweightException(String message, Throwable cause) {
        super(message, cause);
    }
}
