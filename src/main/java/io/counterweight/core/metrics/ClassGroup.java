package io.counterweight.core.metrics;

/**
 * Head, medium or tail: a class's group by its training images, with the thresholds of
 * {@link ClassificationReport} (head &gt; 100, medium 20–100, tail &lt; 20).
 */
public enum ClassGroup {
    HEAD, MEDIUM, TAIL;

    public static ClassGroup of(int trainCount) {
        if (trainCount > ClassificationReport.HEAD_MIN_EXCLUSIVE) return HEAD;
        if (trainCount >= ClassificationReport.TAIL_MAX_EXCLUSIVE) return MEDIUM;
        return TAIL;
    }

    /** "head (>100)", "medium (20-100)", "tail (<20)": the name with the report's range. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT) + " (" + ClassificationReport.groupLabels().get(ordinal()) + ")";
    }
}
