package io.counterweight.app.compare;

import io.counterweight.core.metrics.ClassGroup;
import io.counterweight.core.metrics.ClassMetrics;
import java.util.Collections;
import java.util.List;

/**
 * One class in the Compare screen's per-class table at the scrubber's epoch: its training images (-1 when
 * unknown) and group, and each compared run's precision/recall/F1 in run order (null for a run without it).
 */
public record PerClassRow(int classId, String name, int trainCount, ClassGroup group, List<ClassMetrics> perRun) {
    public PerClassRow {
        perRun = Collections.unmodifiableList(new java.util.ArrayList<>(perRun)); // may hold nulls
    }
}
