package io.counterweight.cli;

/**
 * The user's stop (Ctrl-C) ended a command before it had a result to print, e.g. while loading data.
 * {@link CliErrors} turns it into "counterweight: stopped" and exit code {@value Main#EXIT_STOPPED}.
 */
final class Stopped extends RuntimeException {
    Stopped() {
        super("stopped", null, false, false);
    }
}
