package io.counterweight.app.grid;

import io.counterweight.app.runs.ExportDestinations;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.stage.DirectoryChooser;

/** Binds the Grid screen to its {@link GridViewModel}. */
public final class GridViewController {
    private final GridViewModel vm;

    @FXML private BorderPane root;
    @FXML private Button gridStartButton;
    @FXML private Button gridCancelButton;
    @FXML private Button gridExportButton;
    @FXML private ProgressBar gridProgressBar;
    @FXML private Label gridEtaLabel;
    @FXML private Label gridStatusLabel;
    @FXML private Label dataLabel;
    @FXML private Label recipeLabel;
    @FXML private FlowPane remedyPane;
    @FXML private TextField ratiosField;
    @FXML private Spinner<Integer> seedsSpinner;
    @FXML private Label gridSummaryLabel;
    @FXML private Label problemLabel;
    @FXML private TableView<QueueRow> queueTable;
    @FXML private TableColumn<QueueRow, String> queueIndexColumn;
    @FXML private TableColumn<QueueRow, String> queueCellColumn;
    @FXML private TableColumn<QueueRow, String> queueStatusColumn;
    @FXML private TableView<List<String>> summaryTable;
    @FXML private ImageView macroF1Image;
    @FXML private ImageView balancedImage;
    @FXML private Label macroF1Placeholder;
    @FXML private Label balancedPlaceholder;
    @FXML private TableView<GainRow> gainsTable;
    @FXML private TableColumn<GainRow, String> gainRemedyColumn;
    @FXML private TableColumn<GainRow, String> gainRatioColumn;
    @FXML private TableColumn<GainRow, String> gainClassColumn;
    @FXML private TableColumn<GainRow, String> gainNColumn;
    @FXML private TableColumn<GainRow, String> gainRecallColumn;
    @FXML private TableColumn<GainRow, String> gainF1Column;

    public GridViewController(GridViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        var w = vm.workbench();
        gridStartButton.disableProperty().bind(vm.runningProperty().or(w.busyProperty()).or(w.selectedProperty().isNull())
                .or(vm.setupProblemProperty().isNotEmpty()));
        gridCancelButton.disableProperty().bind(vm.runningProperty().not().or(vm.cancellingProperty()));
        gridExportButton.disableProperty().bind(vm.tableProperty().isNull().or(vm.runningProperty()));
        gridProgressBar.progressProperty().bind(vm.progressProperty());
        gridEtaLabel.textProperty().bind(vm.etaProperty());
        gridStatusLabel.textProperty().bind(vm.statusProperty());
        dataLabel.textProperty().bind(Bindings.createStringBinding(() -> w.selected() == null ? "Data: none loaded (Data tab)"
                : "Data: " + w.selected().name() + " · " + w.selected().numClasses() + " classes · the Data tab's selection",
                w.selectedProperty()));
        recipeLabel.textProperty().bind(Bindings.createStringBinding(() -> "Recipe (Training tab): " + vm.recipeText(),
                w.modelProperty(), w.epochsProperty(), w.batchProperty(), w.learningRateProperty()));

        for (GridViewModel.RemedyChoice r : vm.remedies()) {
            CheckBox box = new CheckBox(r.name());
            box.setId("remedy-" + r.name().replace('+', '_'));
            box.selectedProperty().bindBidirectional(r.selectedProperty());
            box.setTooltip(new Tooltip(r.description()));
            box.disableProperty().bind(vm.runningProperty());
            remedyPane.getChildren().add(box);
        }
        ratiosField.textProperty().bindBidirectional(vm.ratiosProperty());
        ratiosField.disableProperty().bind(vm.runningProperty());
        var seeds = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 100, vm.seedsProperty().get());
        seedsSpinner.setValueFactory(seeds);
        seeds.valueProperty().addListener((o, a, v) -> { if (v != null) vm.seedsProperty().set(v); });
        vm.seedsProperty().addListener((o, a, v) -> seeds.setValue(v.intValue()));
        seedsSpinner.disableProperty().bind(vm.runningProperty());
        gridSummaryLabel.textProperty().bind(vm.setupSummaryProperty());
        problemLabel.textProperty().bind(vm.setupProblemProperty());

        queueTable.setItems(vm.queue());
        text(queueIndexColumn, r -> String.valueOf(r.index()));
        text(queueCellColumn, r -> r.remedy() + " u=" + r.ratio() + " seed=" + r.seed());
        text(queueStatusColumn, QueueRow::status);

        List<String> head = GridViewModel.summaryHead();
        for (int i = 0; i < head.size(); i++) {
            int c = i;
            TableColumn<List<String>, String> col = new TableColumn<>(head.get(i));
            col.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().get(c)));
            if (c >= 2) col.getStyleClass().add("number");
            col.setPrefWidth(c == 0 ? 140 : c == 1 ? 50 : c == 2 ? 36 : 104); // remedy names are long, u and n short
            summaryTable.getColumns().add(col);
        }
        summaryTable.setItems(vm.summary());

        image(vm.macroF1ChartProperty(), macroF1Image);
        image(vm.balancedChartProperty(), balancedImage);
        macroF1Placeholder.visibleProperty().bind(vm.macroF1ChartProperty().isNull());
        balancedPlaceholder.visibleProperty().bind(vm.balancedChartProperty().isNull());

        gainsTable.setItems(vm.gains());
        text(gainRemedyColumn, GainRow::remedy);
        text(gainRatioColumn, GainRow::ratio);
        text(gainClassColumn, GainRow::className);
        text(gainNColumn, r -> String.valueOf(r.n()));
        text(gainRecallColumn, GainRow::recallGain);
        text(gainF1Column, GainRow::f1Gain);

        if (vm.destinationsProperty().get() == ExportDestinations.NONE) vm.destinationsProperty().set(new FolderChooser());
    }

    /** The core's PNG chart, scaled to half the result column. */
    private void image(ReadOnlyObjectProperty<byte[]> png, ImageView view) {
        view.fitWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(200, (summaryTable.getWidth() - 40) / 2),
                summaryTable.widthProperty()));
        png.addListener((o, a, bytes) -> view.setImage(bytes == null ? null : new Image(new ByteArrayInputStream(bytes))));
    }

    private static <R> void text(TableColumn<R, String> c, Function<R, String> f) {
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(f.apply(cell.getValue())));
    }

    @FXML private void start() { vm.start(); }

    @FXML private void cancel() { vm.cancel(); }

    @FXML private void export() { vm.export(); }

    /** Asks for the export folder with the platform's chooser; it starts where the last one ended. */
    private final class FolderChooser implements ExportDestinations {
        private File last;

        @Override public Path file(String title, String suggestedName, String extension) { return null; }

        @Override public List<Path> images(String title) { return List.of(); }

        @Override
        public Path folder(String title) {
            DirectoryChooser c = new DirectoryChooser();
            c.setTitle(title);
            if (last != null && last.isDirectory()) c.setInitialDirectory(last);
            File f = c.showDialog(root.getScene().getWindow());
            if (f == null) return null;
            last = f;
            return f.toPath();
        }
    }
}
