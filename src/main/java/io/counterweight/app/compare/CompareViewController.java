package io.counterweight.app.compare;

import io.counterweight.app.chart.ChartSaveMenu;
import io.counterweight.app.chart.ConfusionHeatmap;
import io.counterweight.core.experiment.Comparison;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.metrics.ClassMetrics;
import java.io.File;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.controlsfx.control.ToggleSwitch;

/** Binds the Compare screen to its {@link CompareViewModel}. */
public final class CompareViewController {
    private final CompareViewModel vm;

    @FXML private BorderPane root;
    @FXML private Button runButton;
    @FXML private Button openButton;
    @FXML private Button stopButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label statusLabel;
    @FXML private ToggleSwitch normalisedSwitch;
    @FXML private TableView<Comparison.Row> table;
    @FXML private TableColumn<Comparison.Row, String> metricColumn;
    @FXML private TableColumn<Comparison.Row, String> baselineColumn;
    @FXML private TableColumn<Comparison.Row, String> improvedColumn;
    @FXML private TableColumn<Comparison.Row, Comparison.Row> deltaColumn;
    @FXML private Label baselineTitle;
    @FXML private Label improvedTitle;
    @FXML private Label groupsHint;
    @FXML private Label foldersLabel;
    @FXML private Label baselinePlaceholder;
    @FXML private Label improvedPlaceholder;
    @FXML private ConfusionHeatmap baselineHeatmap;
    @FXML private ConfusionHeatmap improvedHeatmap;

    private final ChartSaveMenu charts;
    @FXML private Button exportButton;

    public CompareViewController(CompareViewModel vm, ChartSaveMenu charts) {
        this.vm = vm;
        this.charts = charts;
    }

    @FXML
    private void initialize() {
        runButton.disableProperty().bind(vm.runningProperty().or(vm.workbench().busyProperty())
                .or(vm.workbench().selectedProperty().isNull()));
        openButton.disableProperty().bind(vm.runningProperty().or(vm.workbench().busyProperty()));
        stopButton.disableProperty().bind(vm.runningProperty().not());
        progressBar.visibleProperty().bind(vm.runningProperty());
        progressBar.progressProperty().bind(vm.progressProperty());
        statusLabel.textProperty().bind(vm.statusProperty());
        table.setItems(vm.rows());
        text(metricColumn, Comparison.Row::metric);
        text(baselineColumn, Comparison.Row::baselineText);
        text(improvedColumn, Comparison.Row::improvedText);
        deltaColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        deltaColumn.setCellFactory(c -> new DeltaCell());
        groupsHint.setText(vm.groupsHint());
        show(vm.baselineProperty(), baselineHeatmap, baselineTitle, "Baseline");
        show(vm.improvedProperty(), improvedHeatmap, improvedTitle, "Improved");
        baselinePlaceholder.visibleProperty().bind(baselineHeatmap.matrixProperty().isNull());
        improvedPlaceholder.visibleProperty().bind(improvedHeatmap.matrixProperty().isNull());
        exportButton.disableProperty().bind(vm.baselineProperty().isNull().or(vm.improvedProperty().isNull()));
        charts.install(baselineHeatmap, "baseline-confusion");
        charts.install(improvedHeatmap, "improved-confusion");
    }

    private void show(ReadOnlyObjectProperty<RunResult> run, ConfusionHeatmap heatmap, Label title, String name) {
        heatmap.normalisedProperty().bind(normalisedSwitch.selectedProperty());
        run.addListener((o, a, r) -> {
            heatmap.classNamesProperty().set(r == null || r.report() == null ? java.util.List.of()
                    : r.report().perClass().stream().map(ClassMetrics::name).toList());
            heatmap.matrixProperty().set(r == null ? null : r.confusion());
            title.setText(r == null || r.report() == null ? name : String.format(Locale.ROOT, "%s · macro-F1 %.3f · accuracy %.1f %%",
                    name, r.report().macroF1(), 100 * r.report().accuracy()));
            foldersLabel.setText(folders());
        });
    }

    private String folders() {
        RunResult a = vm.baselineProperty().get(), b = vm.improvedProperty().get();
        if (a == null || b == null || a.runDir() == null) return "";
        return "Run folders:\n" + a.runDir() + "\n" + b.runDir();
    }

    private static void text(TableColumn<Comparison.Row, String> c, Function<Comparison.Row, String> f) {
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(f.apply(cell.getValue())));
    }

    /** The row's change as the CLI prints it; gains in the accent colour, losses in the warning colour (blue/orange: colour-blind safe). */
    private static final class DeltaCell extends TableCell<Comparison.Row, Comparison.Row> {
        @Override
        protected void updateItem(Comparison.Row r, boolean empty) {
            super.updateItem(r, empty);
            getStyleClass().removeAll("gain", "loss");
            double v = r == null ? Double.NaN : r.delta();
            if (empty || !Double.isFinite(v)) {
                setText(empty ? null : "n/a");
                return;
            }
            setText(r.deltaText());
            if (v > 0) getStyleClass().add("gain");
            else if (v < 0) getStyleClass().add("loss");
        }
    }

    @FXML private void runBoth() { vm.runBoth(); }

    @FXML private void stop() { vm.stop(); }

    @FXML
    private void exportReport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the comparison as HTML");
        chooser.setInitialFileName("comparison.html");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("HTML report", "*.html"));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) vm.exportReport(file.toPath());
    }

    @FXML
    private void openFolders() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Baseline run folder");
        File a = chooser.showDialog(root.getScene().getWindow());
        if (a == null) return;
        chooser.setTitle("Improved run folder");
        chooser.setInitialDirectory(a.getParentFile());
        File b = chooser.showDialog(root.getScene().getWindow());
        if (b != null) vm.open(a.toPath(), b.toPath());
    }
}
