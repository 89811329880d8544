package io.counterweight.app.services;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The folder runs go to, shared by the services of one window: the Training and Compare screens
 * (through {@link TrainingService}) and the run history (through {@link RunHistoryService}). The Runs
 * screen's preferences change it; a run already training keeps the folder it started in. Thread-safe.
 */
public final class WorkspaceFolder {
    private volatile Path dir;

    public WorkspaceFolder(Path dir) {
        set(dir);
    }

    public Path get() {
        return dir;
    }

    void set(Path dir) {
        this.dir = Objects.requireNonNull(dir).toAbsolutePath().normalize();
    }
}
