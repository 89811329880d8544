package io.counterweight.app.services;

import io.counterweight.core.experiment.Prediction;
import java.nio.file.Path;
import java.util.List;

/**
 * Exports of run folders (core.report) and predictions of a run's saved model (core.experiment.SavedModel).
 * Every method reads or writes files: call it off the FX thread. Errors are one-line CounterweightExceptions.
 */
public interface ExportService {
    /** One self-contained HTML report of {@code runDirs} (the first is the reference); returns the file written. */
    Path report(List<Path> runDirs, Path file);

    /** metrics.csv and per_class.csv of {@code runDirs} into {@code dir}; returns the files written. */
    List<Path> csv(List<Path> runDirs, Path dir);

    /**
     * The runs' loss and metric curves (all runs in one chart each) and each run's normalised confusion matrix
     * of its last epoch, as PNGs at {@code scale} (1 or 2) into {@code dir}; returns the files written.
     */
    List<Path> charts(List<Path> runDirs, Path dir, int scale);

    /** Files as given, folders replaced by the images inside them (sorted); a missing path is an error. */
    List<Path> images(List<Path> filesOrFolders);

    /** The {@code k} likeliest classes of each image by the run's saved model (model.zip). */
    List<Prediction> predict(Path runDir, List<Path> images, int k);
}
