package io.counterweight.app.testing;

import io.counterweight.app.common.ErrorReporter;
import java.util.ArrayList;
import java.util.List;

/** Collects the user-facing messages of reported errors. */
public final class CollectingErrorReporter implements ErrorReporter {
    public final List<String> messages = new ArrayList<>();

    @Override
    public void report(Throwable error) {
        messages.add(ErrorReporter.userMessage(error));
    }
}
