package io.counterweight.app.compare;

import java.util.prefs.Preferences;

/**
 * Whether the Compare screen's heatmaps show shares per true class (normalised) or counts, kept across
 * sessions in java.util.prefs like the workspace. Normalised by default: classes of unequal size compare
 * by colour only as shares.
 */
public final class NormalisedPreference {
    static final String KEY = "compare.normalised";

    private final Preferences prefs; // null: kept in memory only
    private boolean inMemory = true;

    public NormalisedPreference(Preferences prefs) {
        this.prefs = prefs;
    }

    public static NormalisedPreference inMemory() {
        return new NormalisedPreference(null);
    }

    public boolean get() {
        return prefs == null ? inMemory : prefs.getBoolean(KEY, true);
    }

    public void set(boolean normalised) {
        if (prefs == null) inMemory = normalised;
        else prefs.putBoolean(KEY, normalised);
    }
}
