package io.counterweight.app;

import javafx.application.Application;

/**
 * Plain entry point for running the GUI from the jar's classpath ({@code java -cp ... Launcher}):
 * a main class that is not itself an Application avoids the JavaFX launcher's module check.
 */
public final class Launcher {
    private Launcher() { }

    public static void main(String[] args) {
        Application.launch(CounterweightApp.class, args);
    }
}
