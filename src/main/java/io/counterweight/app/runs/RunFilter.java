package io.counterweight.app.runs;

import io.counterweight.core.experiment.RunStatus;
import io.counterweight.core.experiment.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which history rows are shown: every word of {@code text} must occur (ignoring case) in the run's name,
 * folder, data set or tags, and the run must have {@code status} ({@link #ALL}: any).
 */
public record RunFilter(String text, String status) implements Predicate<RunSummary> {
    public static final String ALL = "all";

    public RunFilter {
        text = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        status = status == null ? ALL : status;
    }

    /** The status choices: "all", then each status as the CLI writes it. */
    public static List<String> statusChoices() {
        List<String> out = new ArrayList<>(List.of(ALL));
        for (RunStatus s : RunStatus.values()) out.add(s.id());
        return out;
    }

    @Override
    public boolean test(RunSummary run) {
        if (!status.equals(ALL) && !run.status().id().equals(status)) return false;
        if (text.isEmpty()) return true;
        String haystack = String.join("\n", run.name(), run.runDir().getFileName().toString(),
                String.valueOf(run.data()), String.join(" ", run.tags())).toLowerCase(Locale.ROOT);
        for (String word : text.split("\\s+")) if (!haystack.contains(word)) return false;
        return true;
    }
}
