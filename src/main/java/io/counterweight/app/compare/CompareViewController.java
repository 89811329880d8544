package io.counterweight.app.compare;

import io.counterweight.app.chart.ConfusionHeatmap;
import io.counterweight.app.services.RunOutcome;
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
    @FXML private TableView<CompareRow> table;
    @FXML private TableColumn<CompareRow, String> metricColumn;
    @FXML private TableColumn<CompareRow, String> baselineColumn;
    @FXML private TableColumn<CompareRow, String> improvedColumn;
    @FXML private TableColumn<CompareRow, Double> deltaColumn;
    @FXML private Label baselineTitle;
    @FXML private Label improvedTitle;
    @FXML private Label foldersLabel;
    @FXML private ConfusionHeatmap baselineHeatmap;
    @FXML private ConfusionHeatmap improvedHeatmap;

    public CompareViewController(CompareViewModel vm) {
        this.vm = vm;
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
        text(metricColumn, CompareRow::metric);
        text(baselineColumn, r -> percent(r.baseline()));
        text(improvedColumn, r -> percent(r.improved()));
        deltaColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().delta()));
        deltaColumn.setCellFactory(c -> new DeltaCell());
        show(vm.baselineProperty(), baselineHeatmap, baselineTitle, "Baseline");
        show(vm.improvedProperty(), improvedHeatmap, improvedTitle, "Improved");
    }

    private void show(ReadOnlyObjectProperty<RunOutcome> run, ConfusionHeatmap heatmap, Label title, String name) {
        heatmap.normalisedProperty().bind(normalisedSwitch.selectedProperty());
        run.addListener((o, a, r) -> {
            heatmap.classNamesProperty().set(r == null ? java.util.List.of() : r.classNames());
            heatmap.matrixProperty().set(r == null ? null : r.confusion());
            title.setText(r == null || r.report() == null ? name : String.format(Locale.ROOT, "%s · macro-F1 %.3f · accuracy %.1f %%",
                    name, r.report().macroF1(), 100 * r.report().accuracy()));
            foldersLabel.setText(folders());
        });
    }

    private String folders() {
        RunOutcome a = vm.baselineProperty().get(), b = vm.improvedProperty().get();
        if (a == null || b == null || a.folder() == null) return "";
        return "Run folders:\n" + a.folder() + "\n" + b.folder();
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static void text(TableColumn<CompareRow, String> c, Function<CompareRow, String> f) {
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(f.apply(cell.getValue())));
    }

    /** Gains in the accent colour, losses in the warning colour (blue/orange: colour-blind safe). */
    private static final class DeltaCell extends TableCell<CompareRow, Double> {
        @Override
        protected void updateItem(Double v, boolean empty) {
            super.updateItem(v, empty);
            getStyleClass().removeAll("gain", "loss");
            if (empty || v == null || v.isNaN()) {
                setText(empty ? null : "–");
                return;
            }
            setText(String.format(Locale.ROOT, "%+.3f", v));
            if (v > 0) getStyleClass().add("gain");
            else if (v < 0) getStyleClass().add("loss");
        }
    }

    @FXML private void runBoth() { vm.runBoth(); }

    @FXML private void stop() { vm.stop(); }

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
