package io.counterweight.app.data;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The last few opened folders, most recent first, kept across sessions in java.util.prefs. */
public final class RecentFolders {
    static final int MAX = 8;
    private static final String KEY = "recent.";

    private final Preferences prefs;

    public RecentFolders(Preferences prefs) {
        this.prefs = prefs;
    }

    public static RecentFolders forUser() {
        return new RecentFolders(Preferences.userRoot().node("io/counterweight/app"));
    }

    public List<String> list() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String v = prefs.get(KEY + i, null);
            if (v != null && !v.isBlank()) out.add(v);
        }
        return out;
    }

    /** Moves {@code folder} to the front, dropping duplicates and the oldest beyond {@link #MAX}. */
    public List<String> add(String folder) {
        List<String> list = list();
        list.remove(folder);
        list.add(0, folder);
        while (list.size() > MAX) list.remove(list.size() - 1);
        for (int i = 0; i < MAX; i++) {
            if (i < list.size()) prefs.put(KEY + i, list.get(i));
            else prefs.remove(KEY + i);
        }
        return list;
    }
}
