package io.counterweight.app.runs;

import java.nio.file.Path;
import java.util.prefs.Preferences;

/**
 * The workspace the user chose in the window (Workspace…), kept across sessions in java.util.prefs like
 * {@link io.counterweight.app.data.RecentFolders}. Unset until a folder was chosen and accepted: then the
 * window uses the CLI's workspace ($COUNTERWEIGHT_WORKSPACE, else the platform's).
 */
public final class WorkspacePreference {
    static final String KEY = "workspace";

    private final Preferences prefs; // null: kept in memory only
    private String inMemory;

    public WorkspacePreference(Preferences prefs) {
        this.prefs = prefs;
    }

    /** The user's preference node, shared with the recent folders. */
    public static WorkspacePreference forUser() {
        return new WorkspacePreference(Preferences.userRoot().node("io/counterweight/app"));
    }

    /** A preference that lives as long as this object (tests, a window that must not touch the user's). */
    public static WorkspacePreference inMemory() {
        return new WorkspacePreference(null);
    }

    /** Where this preference is kept (null: in memory), so other settings of the window can be kept beside it. */
    public Preferences node() {
        return prefs;
    }

    /** The chosen folder as written, or null when none was chosen. */
    public String get() {
        String v = prefs == null ? inMemory : prefs.get(KEY, null);
        return v == null || v.isBlank() ? null : v;
    }

    /** Remembers {@code dir}; call only after the folder was accepted as a workspace. */
    public void set(Path dir) {
        String v = dir.toAbsolutePath().normalize().toString();
        if (prefs == null) inMemory = v;
        else prefs.put(KEY, v);
    }
}
