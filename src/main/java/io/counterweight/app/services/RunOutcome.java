package io.counterweight.app.services;

import io.counterweight.core.metrics.ClassificationReport;
import io.counterweight.core.metrics.ConfusionMatrix;
import java.nio.file.Path;
import java.util.List;

/**
 * What the GUI shows of a finished (or reopened) run: its final test report and confusion matrix.
 *
 * @param folder the run folder on disk, or null if none was written
 */
public record RunOutcome(String label, Path folder, List<String> classNames, int[] trainCounts,
                         ClassificationReport report, ConfusionMatrix confusion, boolean cancelled) { }
