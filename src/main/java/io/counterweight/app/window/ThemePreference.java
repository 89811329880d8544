package io.counterweight.app.window;

import java.util.prefs.Preferences;

/** Whether the user chose the dark theme, kept across sessions in java.util.prefs (the window's node). */
public final class ThemePreference {
    static final String KEY = "darkTheme";

    private final Preferences prefs; // null: kept in memory only
    private boolean inMemory;

    public ThemePreference(Preferences prefs) {
        this.prefs = prefs;
    }

    public static ThemePreference forUser() {
        return new ThemePreference(Preferences.userRoot().node("io/counterweight/app"));
    }

    /** A preference that lives as long as this object (tests, a window that must not touch the user's). */
    public static ThemePreference inMemory() {
        return new ThemePreference(null);
    }

    public boolean dark() {
        return prefs == null ? inMemory : prefs.getBoolean(KEY, false);
    }

    public void setDark(boolean dark) {
        if (prefs == null) inMemory = dark;
        else prefs.putBoolean(KEY, dark);
    }
}
