package io.counterweight.core.experiment;

import java.util.List;

/**
 * What a user says about a run after the fact, kept in {@code meta.json} beside the files the run wrote
 * (which stay untouched): a display name and tags.
 *
 * @param name the name shown in the history; null: the folder's name
 */
public record RunMeta(String name, List<String> tags) {
    public static final String FILE = "meta.json";

    public RunMeta {
        tags = tags == null ? List.of() : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().sorted().toList();
        if (name != null && name.isBlank()) name = null;
    }

    public static RunMeta none() {
        return new RunMeta(null, List.of());
    }
}
