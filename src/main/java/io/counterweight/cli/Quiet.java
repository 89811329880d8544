package io.counterweight.cli;

/** Keeps ND4J's start-up INFO chatter off the terminal: stdout must hold only results (or JSON). */
final class Quiet {
    private Quiet() { }

    static void apply() {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
