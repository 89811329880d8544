package io.counterweight.app.compare;

import io.counterweight.core.metrics.ClassGroup;
import io.counterweight.core.metrics.ClassMetrics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One class in the Compare screen's per-class table: its training images (-1 when unknown) and group, fixed
 * while the same runs are compared, and each run's precision/recall/F1 at the scrubber's epoch in run order
 * (null for a run without it). The scrubber changes {@link #perRunProperty()} in place, so the table keeps its
 * rows and cells and only their texts change.
 */
public final class PerClassRow {
    private final int classId;
    private final String name;
    private final int trainCount;
    private final ClassGroup group;
    private final ReadOnlyObjectWrapper<List<ClassMetrics>> perRun = new ReadOnlyObjectWrapper<>(this, "perRun", List.of());

    public PerClassRow(int classId, String name, int trainCount, ClassGroup group, List<ClassMetrics> perRun) {
        this.classId = classId;
        this.name = name;
        this.trainCount = trainCount;
        this.group = group;
        show(perRun);
    }

    /** The runs' metrics of this class at another epoch. */
    void show(List<ClassMetrics> metrics) {
        perRun.set(Collections.unmodifiableList(new ArrayList<>(metrics))); // may hold nulls
    }

    public int classId() { return classId; }
    public String name() { return name; }
    public int trainCount() { return trainCount; }
    public ClassGroup group() { return group; }
    public List<ClassMetrics> perRun() { return perRun.get(); }
    public ReadOnlyObjectProperty<List<ClassMetrics>> perRunProperty() { return perRun.getReadOnlyProperty(); }
}
