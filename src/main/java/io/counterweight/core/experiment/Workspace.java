package io.counterweight.core.experiment;

import io.counterweight.core.CounterweightException;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The one folder where runs from the window and the command line go. Chosen, first match wins: an
 * explicit folder (the CLI's {@code --workspace}, the window's preferences), the environment variable
 * {@value #ENV}, else the platform's place for an application's data: {@code ~/Library/Application
 * Support/Counterweight/runs} on macOS, {@code %LOCALAPPDATA%\Counterweight\runs} on Windows,
 * {@code $XDG_DATA_HOME/counterweight/runs} (default {@code ~/.local/share}) elsewhere.
 */
public record Workspace(Path dir) {
    public static final String ENV = "COUNTERWEIGHT_WORKSPACE";
    /** Below this much free space a run is refused before it starts (a run folder of the study CNN takes ~10 MB). */
    static final long MIN_FREE_BYTES = 64L << 20;

    public Workspace {
        dir = dir.toAbsolutePath().normalize();
    }

    /** The workspace for an explicit choice (null or blank: none), the environment, or the platform default. */
    public static Workspace resolve(String explicit) {
        return resolve(explicit, System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    static Workspace resolve(String explicit, Map<String, String> env, String osName, String home) {
        if (explicit != null && !explicit.isBlank()) return new Workspace(path(explicit, "--workspace"));
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) return new Workspace(path(fromEnv, ENV));
        return new Workspace(platformDefault(env, osName, home));
    }

    static Path platformDefault(Map<String, String> env, String osName, String home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return Path.of(home, "Library", "Application Support", "Counterweight", "runs");
        }
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            return local != null && !local.isBlank() ? Path.of(local, "Counterweight", "runs")
                    : Path.of(home, "AppData", "Local", "Counterweight", "runs");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg, "counterweight", "runs")
                : Path.of(home, ".local", "share", "counterweight", "runs");
    }

    private static Path path(String text, String source) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new CounterweightException(source + " " + text + ": not a valid path here (" + e.getReason() + ")", e);
        }
    }

    /**
     * Makes the folder if needed and checks that a run can be written there, before any training starts.
     *
     * @throws CounterweightException naming the folder: not creatable, read-only, or nearly full
     */
    public Workspace ensureWritable() {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CounterweightException("workspace " + dir + ": cannot create it (" + e.getMessage() + ")", e);
        }
        Path probe = dir.resolve(".write-test-" + ProcessHandle.current().pid());
        try {
            Files.writeString(probe, "ok");
            Files.delete(probe);
        } catch (IOException e) {
            throw new CounterweightException("workspace " + dir + ": not writable (" + e.getMessage() + ")", e);
        }
        try {
            FileStore store = Files.getFileStore(dir);
            long free = store.getUsableSpace();
            if (free < MIN_FREE_BYTES) {
                throw new CounterweightException("workspace " + dir + ": only " + (free >> 20) + " MB free; a run needs at least "
                        + (MIN_FREE_BYTES >> 20) + " MB");
            }
        } catch (IOException e) {
            // the store's free space is unknown (some network file systems): the write test passed
        }
        return this;
    }
}
