package io.counterweight.app.sampler;

import io.counterweight.app.chart.ChartSupport;
import io.counterweight.app.common.Coalescer;
import io.counterweight.app.common.WhenShown;
import io.counterweight.core.sampling.WeightMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.controlsfx.control.ToggleSwitch;

/** Binds the Sampler screen to its {@link SamplerViewModel}. */
public final class SamplerViewController {
    private final SamplerViewModel vm;

    @FXML private ToggleSwitch samplerSwitch;
    @FXML private ChoiceBox<WeightMode> modeChoice;
    @FXML private HBox betaBox;
    @FXML private Slider betaSlider;
    @FXML private Label betaLabel;
    @FXML private ToggleSwitch logSwitch;
    @FXML private Label explanationLabel;
    @FXML private BarChart<String, Number> chart;
    @FXML private NumberAxis valueAxis;

    private final io.counterweight.app.chart.ChartSaveMenu charts;

    public SamplerViewController(SamplerViewModel vm, io.counterweight.app.chart.ChartSaveMenu charts) {
        this.vm = vm;
        this.charts = charts;
    }

    @FXML
    private void initialize() {
        charts.install(chart, "sampler-draws");
        samplerSwitch.selectedProperty().bindBidirectional(vm.samplerProperty());
        modeChoice.setItems(FXCollections.observableArrayList(WeightMode.values()));
        modeChoice.setConverter(new StringConverter<>() {
            @Override public String toString(WeightMode m) {
                return m == null ? "" : m == WeightMode.INVERSE_FREQUENCY ? "inverse frequency (study)" : "effective number (Cui et al.)";
            }
            @Override public WeightMode fromString(String s) { return null; }
        });
        modeChoice.valueProperty().bindBidirectional(vm.weightModeProperty());
        betaBox.disableProperty().bind(vm.weightModeProperty().isNotEqualTo(WeightMode.EFFECTIVE_NUMBER));
        betaSlider.valueProperty().bindBidirectional(vm.betaProperty());
        betaLabel.textProperty().bind(vm.betaProperty().asString(Locale.ROOT, "%.4f"));
        var busy = vm.workbench().busyProperty();
        samplerSwitch.disableProperty().bind(busy);
        modeChoice.disableProperty().bind(busy);
        explanationLabel.textProperty().bind(vm.explanationProperty());
        // selection, weights and sampler each rebuild the rows after a load: draw once for all of them
        Coalescer redraws = Coalescer.onFxThread(this::redraw);
        WhenShown redraw = new WhenShown(vm.shownProperty(), redraws::request);
        vm.rows().addListener((ListChangeListener<SamplerRow>) c -> redraw.request());
        logSwitch.selectedProperty().addListener(x -> redraw.request());
        redraw();
    }

    private void redraw() {
        List<SamplerRow> rows = vm.rows();
        boolean trained = !rows.isEmpty() && rows.get(0).actualDraws() >= 0;
        List<String> names = new ArrayList<>(List.of("training images", "expected draws"));
        List<double[]> values = new ArrayList<>();
        values.add(rows.stream().mapToDouble(SamplerRow::count).toArray());
        values.add(rows.stream().mapToDouble(SamplerRow::expectedDraws).toArray());
        if (trained) {
            names.add("actual draws (last epoch)");
            values.add(rows.stream().mapToDouble(SamplerRow::actualDraws).toArray());
        }
        ChartSupport.setBars(chart, valueAxis, rows.stream().map(SamplerRow::name).toList(), names, values,
                logSwitch.isSelected(), (s, i) -> {
                    SamplerRow r = rows.get(i);
                    return String.format(Locale.ROOT, "%s\n%,d training images · weight %.4f\nexpected draws per epoch %.1f%s",
                            r.name(), r.count(), r.weight(), r.expectedDraws(),
                            r.actualDraws() >= 0 ? "\nactual draws last epoch " + r.actualDraws() : "");
                });
    }
}
