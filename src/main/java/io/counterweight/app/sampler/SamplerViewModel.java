package io.counterweight.app.sampler;

import io.counterweight.app.Workbench;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.sampling.WeightMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the Sampler screen. Without the sampler an epoch shows each image once, so a class is
 * drawn exactly its count; with it, the core sampler's expected draws per class are shown, and after
 * a trained epoch the draws the trainer reported.
 */
public final class SamplerViewModel {
    private final Workbench workbench;
    private final ObservableList<SamplerRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation", "");
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", true);

    public SamplerViewModel(Workbench workbench) {
        this.workbench = workbench;
        workbench.selectedProperty().addListener(x -> refresh());
        workbench.classWeightsProperty().addListener(x -> refresh());
        workbench.samplerProperty().addListener(x -> refresh());
        workbench.actualDrawsProperty().addListener(x -> refresh());
        refresh();
    }

    /**
     * Whether the screen is on view (the window binds it to the tab; true when used alone). The chart
     * waits while hidden: a run reports draws every epoch, and rebuilding a hidden chart's bars and
     * tooltips cost the training window its longest frame.
     */
    public BooleanProperty shownProperty() { return shown; }

    private void refresh() {
        Dataset d = workbench.selected();
        double[] w = workbench.classWeightsProperty().get();
        if (d == null || w.length != d.numClasses()) {
            rows.clear();
            explanation.set("");
            return;
        }
        int[] counts = d.trainCounts();
        int n = d.train().size();
        boolean on = workbench.samplerProperty().get();
        double[] expected = new double[counts.length];
        if (on) expected = workbench.services().sampling().expectedDraws(d.train().labels(), w, counts.length, n);
        else for (int c = 0; c < counts.length; c++) expected[c] = counts[c];
        int[] actual = workbench.actualDrawsProperty().get();
        List<SamplerRow> list = new ArrayList<>(counts.length);
        for (int c = 0; c < counts.length; c++) {
            int a = actual.length == counts.length ? actual[c] : -1;
            list.add(new SamplerRow(c, d.classNames().get(c), counts[c], w[c], expected[c], a));
        }
        rows.setAll(list);
        explanation.set(explain(on, n, counts, expected));
    }

    private static String explain(boolean on, int n, int[] counts, double[] expected) {
        int max = 0, min = Integer.MAX_VALUE;
        double eMax = 0, eMin = Double.MAX_VALUE;
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 0) continue;
            max = Math.max(max, counts[c]);
            min = Math.min(min, counts[c]);
            eMax = Math.max(eMax, expected[c]);
            eMin = Math.min(eMin, expected[c]);
        }
        if (max == 0) return "";
        if (!on) {
            return String.format(Locale.ROOT, "Sampler off: each epoch shows every one of the %,d training images once, "
                    + "so the largest class is seen %.1f× as often as the smallest.", n, (double) max / min);
        }
        return String.format(Locale.ROOT, "Sampler on: each epoch draws %,d images with replacement, weighted by class; "
                + "largest vs smallest class now %.1f : 1 (was %.1f : 1).", n, eMax / eMin, (double) max / min);
    }

    public Workbench workbench() { return workbench; }
    public ObservableList<SamplerRow> rows() { return rows; }
    public ReadOnlyStringProperty explanationProperty() { return explanation.getReadOnlyProperty(); }
    public BooleanProperty samplerProperty() { return workbench.samplerProperty(); }
    public ObjectProperty<WeightMode> weightModeProperty() { return workbench.weightModeProperty(); }
    public DoubleProperty betaProperty() { return workbench.betaProperty(); }
}
