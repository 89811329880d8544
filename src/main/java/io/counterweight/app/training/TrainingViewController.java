package io.counterweight.app.training;

import io.counterweight.app.Workbench;
import io.counterweight.app.chart.ConfusionHeatmap;
import io.counterweight.app.drill.CellSource;
import io.counterweight.app.drill.DrillDown;
import io.counterweight.core.augment.AugmentConfig;
import io.counterweight.core.metrics.ClassMetrics;
import io.counterweight.core.report.Ticks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.controlsfx.control.ToggleSwitch;

/** Binds the Training screen to its {@link TrainingViewModel}. */
public final class TrainingViewController {
    /** asObject() adapters are only weakly held by bidirectional bindings: keep them alive. */
    private final java.util.List<Object> strongRefs = new java.util.ArrayList<>();
    private final TrainingViewModel vm;

    @FXML private ChoiceBox<RecipePreset> presetChoice;
    @FXML private ChoiceBox<String> modelChoice;
    @FXML private Spinner<Integer> epochsSpinner;
    @FXML private Spinner<Integer> batchSpinner;
    @FXML private Spinner<Integer> seedSpinner;
    @FXML private TextField lrField;
    @FXML private TextField momentumField;
    @FXML private Label remediesLabel;
    @FXML private Button startButton;
    @FXML private Button pauseButton;
    @FXML private Button stopButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label epochLabel;
    @FXML private Label batchLabel;
    @FXML private Label speedLabel;
    @FXML private Label etaLabel;
    @FXML private Label statusLabel;
    @FXML private Label headlineLabel;
    @FXML private LineChart<Number, Number> lossChart;
    @FXML private LineChart<Number, Number> metricChart;
    @FXML private NumberAxis epochAxis;
    @FXML private ToggleSwitch normalisedSwitch;
    @FXML private ConfusionHeatmap heatmap;
    @FXML private Label heatmapPlaceholder;
    @FXML private Label lossPlaceholder;
    @FXML private TableView<ClassMetrics> metricsTable;
    @FXML private TableColumn<ClassMetrics, String> nameColumn;
    @FXML private TableColumn<ClassMetrics, String> precisionColumn;
    @FXML private TableColumn<ClassMetrics, String> recallColumn;
    @FXML private TableColumn<ClassMetrics, String> f1Column;
    @FXML private TableColumn<ClassMetrics, String> supportColumn;

    private final io.counterweight.app.chart.ChartSaveMenu charts;

    private final DrillDown drill;

    public TrainingViewController(TrainingViewModel vm, io.counterweight.app.chart.ChartSaveMenu charts, DrillDown drill) {
        this.vm = vm;
        this.charts = charts;
        this.drill = drill;
    }

    @FXML
    private void initialize() {
        charts.install(lossChart, "training-loss");
        charts.install(metricChart, "training-metrics");
        charts.install(heatmap, "training-confusion");
        bindRecipe();
        bindButtons();
        LiveRun live = vm.live();
        progressBar.progressProperty().bind(live.progressProperty());
        epochLabel.textProperty().bind(live.epochTextProperty());
        batchLabel.textProperty().bind(live.batchTextProperty());
        speedLabel.textProperty().bind(live.speedTextProperty());
        etaLabel.textProperty().bind(live.etaTextProperty());
        statusLabel.textProperty().bind(vm.statusProperty());
        headlineLabel.textProperty().bind(live.headlineProperty());
        lossChart.getData().addAll(List.of(live.trainLoss(), live.testLoss()));
        fitLossAxes(live);
        metricChart.getData().addAll(List.of(live.accuracy(), live.macroF1()));
        epochAxis.upperBoundProperty().bind(vm.workbench().epochsProperty());
        epochAxis.tickUnitProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(1, Math.ceil(vm.workbench().epochsProperty().get() / 10.0)), vm.workbench().epochsProperty()));
        heatmap.matrixProperty().bind(live.confusionProperty());
        heatmap.classNamesProperty().bind(vm.classNamesProperty());
        heatmap.normalisedProperty().bind(normalisedSwitch.selectedProperty());
        heatmapPlaceholder.visibleProperty().bind(live.confusionProperty().isNull());
        heatmap.setOnCellActivated((truth, predicted) -> {
            CellSource source = vm.cellSource();
            if (source != null) drill.show(heatmap.getScene().getWindow(), source, "the live run", live.predictionsEpoch(),
                    truth, predicted, live.classNamesProperty().get());
        });
        lossPlaceholder.visibleProperty().bind(Bindings.isEmpty(live.trainLoss().getData()));
        metricsTable.setItems(live.perClass());
        column(nameColumn, ClassMetrics::name);
        column(precisionColumn, m -> metric(m.precision()));
        column(recallColumn, m -> metric(m.recall()));
        column(f1Column, m -> metric(m.f1()));
        column(supportColumn, m -> m.support() < 0 ? "–" : Long.toString(m.support()));
    }

    private void bindRecipe() {
        Workbench w = vm.workbench();
        presetChoice.setItems(FXCollections.observableArrayList(RecipePreset.values()));
        var presetTip = new javafx.scene.control.Tooltip();
        presetTip.textProperty().bind(Bindings.createStringBinding(
                () -> vm.presetProperty().get() == null ? "" : vm.presetProperty().get().description(), vm.presetProperty()));
        presetChoice.setTooltip(presetTip);
        presetChoice.valueProperty().bindBidirectional(vm.presetProperty());
        modelChoice.setItems(FXCollections.observableArrayList(vm.models()));
        modelChoice.valueProperty().bindBidirectional(w.modelProperty());
        spinner(epochsSpinner, 1, 10_000).bindBidirectional(keep(w.epochsProperty().asObject()));
        spinner(batchSpinner, 1, 4096).bindBidirectional(keep(w.batchProperty().asObject()));
        spinner(seedSpinner, 0, Integer.MAX_VALUE).bindBidirectional(keep(w.seedProperty().asObject()));
        number(lrField).valueProperty().bindBidirectional(keep(w.learningRateProperty().asObject()));
        number(momentumField).valueProperty().bindBidirectional(keep(w.momentumProperty().asObject()));
        // Fixed while this screen's run or any other job (a comparison, a grid) trains, like the other
        // screens' settings; on the workbench's busy flag, so the window's LookWarmUp styles them too.
        var idle = vm.stateProperty().isEqualTo(RunState.IDLE);
        for (var n : List.of(presetChoice, modelChoice, epochsSpinner, batchSpinner, seedSpinner, lrField, momentumField)) {
            n.disableProperty().bind(idle.not().or(w.busyProperty()));
        }
        remediesLabel.textProperty().bind(Bindings.createStringBinding(() -> remedies(w), w.samplerProperty(), w.augmentProperty(),
                w.lossProperty(), w.tauProperty(), w.mixupProperty(), w.deferEpochProperty()));
    }

    /** A metric to three places; "–" before the first epoch (the table's placeholder rows). */
    static String metric(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String remedies(Workbench w) {
        AugmentConfig a = w.augmentProperty().get();
        List<String> on = new ArrayList<>();
        if (a.rotation().enabled()) on.add("rotation");
        if (a.affine().enabled()) on.add("affine");
        if (a.flip().enabled()) on.add("flip");
        if (a.jitter().enabled()) on.add("jitter");
        String line1 = "sampler " + (w.samplerProperty().get() ? "on" : "off") + " · augmentation "
                + (on.isEmpty() ? "off" : String.join(", ", on));
        List<String> inTraining = new ArrayList<>();
        switch (w.lossProperty().get()) {
            case WEIGHTED -> inTraining.add("weighted loss");
            case LOGIT_ADJUSTED -> inTraining.add(String.format(Locale.ROOT, "logit-adjusted τ %s", w.tauProperty().get()));
            default -> { }
        }
        if (w.deferEpochProperty().get() > 0) inTraining.add("from epoch " + w.deferEpochProperty().get());
        if (w.mixupProperty().get() > 0) inTraining.add("mixup α " + w.mixupProperty().get());
        return inTraining.isEmpty() ? line1 : line1 + "\n" + String.join(" · ", inTraining);
    }

    private void bindButtons() {
        var state = vm.stateProperty();
        startButton.disableProperty().bind(state.isNotEqualTo(RunState.IDLE)
                .or(vm.workbench().selectedProperty().isNull()).or(vm.workbench().busyProperty()));
        pauseButton.disableProperty().bind(state.isEqualTo(RunState.IDLE).or(state.isEqualTo(RunState.STOPPING)));
        stopButton.disableProperty().bind(pauseButton.disableProperty());
        pauseButton.textProperty().bind(Bindings.when(state.isEqualTo(RunState.PAUSED)).then("▶  Resume").otherwise("❚❚  Pause"));
    }

    private static javafx.beans.property.ObjectProperty<Integer> spinner(Spinner<Integer> s, int min, int max) {
        var f = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, min);
        s.setValueFactory(f);
        return f.valueProperty();
    }

    /** A number field that keeps its last good value when the text does not parse. */
    static TextFormatter<Double> number(TextField field) {
        TextFormatter<Double> formatter = new TextFormatter<>(new StringConverter<>() {
            @Override public String toString(Double v) {
                return v == null ? "" : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString(); // 0.0001, not 1.0E-4
            }
            @Override public Double fromString(String s) {
                try {
                    return Double.valueOf(s.trim());
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        });
        formatter.valueProperty().addListener((o, old, v) -> { if (v == null) formatter.setValue(old); });
        field.setTextFormatter(formatter);
        return formatter;
    }

    private static void column(TableColumn<ClassMetrics, String> c, Function<ClassMetrics, String> f) {
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(f.apply(cell.getValue())));
    }

    @FXML private void start() { vm.start(); }

    @FXML private void pauseOrResume() { vm.pauseOrResume(); }

    @FXML private void stop() { vm.stop(); }

    private <T> T keep(T adapter) {
        strongRefs.add(adapter);
        return adapter;
    }

    /**
     * The loss chart's axes from the run's plan and its largest loss, not auto-ranged: an auto-ranging
     * axis measures its tick labels again at every new point, most of the window's layout time during a run
     * (docs/reliability.md). Iterations 0 to the planned total (the curve grows to the right); loss 0 to
     * the largest so far, rounded up to a nice tick, so the scale changes only when the loss crosses it.
     */
    private void fitLossAxes(LiveRun live) {
        NumberAxis x = (NumberAxis) lossChart.getXAxis(), y = (NumberAxis) lossChart.getYAxis();
        x.setAutoRanging(false);
        y.setAutoRanging(false);
        Runnable fit = () -> {
            Ticks xt = Ticks.of(0, Math.max(1, live.iterationsProperty().get()), 8, true);
            x.setLowerBound(0);
            x.setUpperBound(Math.max(1, live.iterationsProperty().get())); // the curve reaches the edge when the run ends
            x.setTickUnit(xt.step());
            double top = live.lossCeilingProperty().get();
            Ticks yt = Ticks.of(0, top > 0 ? top : 1, 5, false);
            y.setLowerBound(0);
            y.setUpperBound(yt.hi());
            y.setTickUnit(yt.step());
        };
        live.iterationsProperty().addListener((o, was, now) -> fit.run());
        live.lossCeilingProperty().addListener((o, was, now) -> fit.run());
        fit.run();
    }
}
