package io.counterweight.app.runs;

import io.counterweight.app.common.BackgroundJob;
import io.counterweight.app.common.ErrorReporter;
import io.counterweight.app.common.TaskExecutor;
import io.counterweight.app.services.ExportService;
import io.counterweight.core.CounterweightException;
import io.counterweight.core.experiment.Prediction;
import io.counterweight.core.experiment.RunStatus;
import io.counterweight.core.experiment.RunSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected run's model on images the user drops or picks: folders expanded, each image decoded and
 * classified off the FX thread, the top {@link #TOP} classes with their probabilities listed. A run without a
 * usable model, or a corrupt image, is one line through the {@link ErrorReporter}.
 */
public final class RunPredictions {
    /** Classes shown per image. */
    public static final int TOP = 3;

    private final ExportService export;
    private final TaskExecutor executor;
    private final ErrorReporter errors;
    private final Supplier<RunSummary> selected;
    private final Consumer<String> status;
    private final ObservableList<Prediction> predictions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyBooleanWrapper predicting = new ReadOnlyBooleanWrapper(this, "predicting");
    private int generation;

    RunPredictions(ExportService export, TaskExecutor executor, ErrorReporter errors, Supplier<RunSummary> selected,
                   Consumer<String> status) {
        this.export = export;
        this.executor = executor;
        this.errors = errors;
        this.selected = selected;
        this.status = status;
    }

    /** Whether {@code s} has a model to predict with: finished, or stopped/interrupted after at least one epoch. */
    public static boolean canPredict(RunSummary s) {
        if (s == null || s.problem() != null) return false;
        return s.status() == RunStatus.FINISHED
                || (s.status() == RunStatus.STOPPED || s.status() == RunStatus.INTERRUPTED) && s.epochsDone() >= 1;
    }

    /** Predicts {@code filesOrFolders} with the selected run's model. */
    public void predict(List<Path> filesOrFolders) {
        RunSummary run = selected.get();
        if (run == null || filesOrFolders == null || filesOrFolders.isEmpty()) return;
        if (!canPredict(run)) {
            errors.report(new CounterweightException(run.name() + " has no model to predict with: it is " + run.status().id()
                    + " after " + run.epochsDone() + " epoch(s); a finished run, or one stopped after an epoch, has one"));
            return;
        }
        int g = ++generation;
        predicting.set(true);
        status.accept("Predicting with " + run.name() + " …");
        BackgroundJob.of("Predicting with " + run.name(), ctx -> export.predict(run.runDir(), export.images(filesOrFolders), TOP))
                .onDone(() -> { if (g == generation) predicting.set(false); })
                .onSuccess(list -> {
                    if (g != generation) return;
                    predictions.setAll(list);
                    title.set(list.size() + " image(s) by " + run.name());
                    status.accept("Predicted " + list.size() + " image(s) with " + run.name());
                })
                .onFailure(e -> {
                    if (g != generation) return;
                    status.accept("No predictions: " + ErrorReporter.userMessage(e));
                    errors.report(e);
                })
                .executeWith(executor);
    }

    /** "cat 0.912 · dog 0.051 · bird 0.020" */
    public static String classes(Prediction p) {
        return String.join("  ·  ", p.top().stream()
                .map(s -> String.format(Locale.ROOT, "%s %.3f", s.className(), s.probability())).toList());
    }

    public ObservableList<Prediction> predictions() { return predictions; }
    /** Which run predicted how many images; empty before the first prediction. */
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty predictingProperty() { return predicting.getReadOnlyProperty(); }
}
