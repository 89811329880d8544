package io.counterweight.app.drill;

import io.counterweight.app.common.BackgroundJob;
import io.counterweight.app.common.ErrorReporter;
import io.counterweight.app.common.TaskExecutor;
import io.counterweight.core.CounterweightException;
import io.counterweight.core.data.ImageSplit;
import io.counterweight.core.metrics.Predictions;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the drill-down window: which cell of which run and epoch, its images most confident first, and the
 * test split they index into. Predictions and images are read off the FX thread; a reopened run's test split
 * is kept for the next cell of the same run, since loading a data set takes seconds.
 */
public final class DrillDownViewModel {
    private final TaskExecutor executor;
    private final ErrorReporter errors;
    private final ObservableList<CellImage> images = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ImageSplit> test = new ReadOnlyObjectWrapper<>(this, "test");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private List<String> classNames = List.of();
    private String cachedKey;
    private ImageSplit cachedSplit;
    private int generation;

    public DrillDownViewModel(TaskExecutor executor, ErrorReporter errors) {
        this.executor = executor;
        this.errors = errors;
    }

    private record Loaded(List<CellImage> images, ImageSplit test) { }

    /** Shows cell (truth, predicted) of epoch {@code epoch} of the run {@code runName}. */
    public void open(CellSource source, String runName, int epoch, int truth, int predicted, List<String> names) {
        int g = ++generation;
        classNames = List.copyOf(names);
        title.set(String.format(Locale.ROOT, "true %s, predicted %s · epoch %d · %s", name(truth), name(predicted), epoch, runName));
        status.set("Reading the cell's images …");
        images.clear();
        loading.set(true);
        String key = source.cacheKey();
        ImageSplit known = key != null && key.equals(cachedKey) ? cachedSplit : null;
        BackgroundJob.of("Images of a confusion cell", ctx -> {
                    Predictions p = source.predictions(epoch);
                    List<CellImage> cell = CellSelection.of(p, truth, predicted);
                    ImageSplit split = known != null ? known : source.testImages(ctx);
                    if (split.size() != p.size()) {
                        throw new CounterweightException("the test split has " + split.size() + " images but the predictions "
                                + p.size() + ": the data set changed since the run");
                    }
                    return new Loaded(cell, split);
                })
                .onDone(() -> { if (g == generation) loading.set(false); })
                .onSuccess(l -> {
                    if (g != generation) return;
                    if (key != null) {
                        cachedKey = key;
                        cachedSplit = l.test();
                    }
                    test.set(l.test());
                    images.setAll(l.images());
                    int n = l.images().size();
                    status.set(n == 0 ? "No test image in this cell"
                            : String.format(Locale.ROOT, "%,d %s, most confident first", n, n == 1 ? "image" : "images"));
                })
                .onFailure(e -> {
                    if (g != generation) return;
                    status.set("No images: " + ErrorReporter.userMessage(e));
                    errors.report(e);
                })
                .executeWith(executor);
    }

    /** "cat → dog" */
    public String caption(CellImage image) {
        return name(image.truth()) + " → " + name(image.predicted());
    }

    public String name(int c) {
        return c < classNames.size() ? classNames.get(c) : Integer.toString(c);
    }

    public ObservableList<CellImage> images() { return images; }
    public ReadOnlyObjectProperty<ImageSplit> testProperty() { return test.getReadOnlyProperty(); }
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
}
