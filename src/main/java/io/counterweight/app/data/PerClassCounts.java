package io.counterweight.app.data;

import io.counterweight.core.CounterweightException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Exact training images per class as the Data screen takes them: "772, 76" (commas, slashes, semicolons or
 * spaces between counts), one count per class in class order, none above what the class holds, and
 * neither with a long tail (u below 1) nor with n_max, which the core refuses together with exact counts.
 * The messages say what to change, in the screen's words.
 */
public final class PerClassCounts {
    private PerClassCounts() { }

    /**
     * @param available   training images per class of the classes in play (first K, or all)
     * @param classNames  their names, for the message about a class that holds too few
     * @return the counts; empty for blank text (as loaded)
     * @throws CounterweightException with a one-line message when the text is not usable
     */
    public static List<Integer> parse(String text, int[] available, List<String> classNames, double imbalance,
                                      int maxPerClass) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) return List.of();
        List<Integer> counts = new ArrayList<>();
        for (String token : t.split("[,;/\\s]+")) {
            if (token.isEmpty()) continue;
            int n;
            try {
                n = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                throw new CounterweightException("Per-class counts: '" + token + "' is not a whole number (write e.g. 772, 76)");
            }
            if (n < 1) throw new CounterweightException("Per-class counts: each class needs at least 1 image, got " + n);
            counts.add(n);
        }
        if (counts.size() != available.length) {
            throw new CounterweightException("Per-class counts: " + counts.size() + (counts.size() == 1 ? " count" : " counts")
                    + " for " + available.length + " classes; give one per class, in class order");
        }
        for (int c = 0; c < available.length; c++) {
            if (counts.get(c) > available[c]) {
                throw new CounterweightException("Per-class counts: class '" + classNames.get(c) + "' has " + available[c]
                        + " training images, " + counts.get(c) + " asked");
            }
        }
        if (imbalance < 1) {
            throw new CounterweightException("Exact counts replace the long tail: set the imbalance u back to 1 first");
        }
        if (maxPerClass > 0) {
            throw new CounterweightException("Exact counts replace n_max: set max per class back to 0 first");
        }
        return List.copyOf(counts);
    }

    /** How the counts read in the text field, e.g. "772, 76". */
    public static String format(List<Integer> counts) {
        return counts.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
