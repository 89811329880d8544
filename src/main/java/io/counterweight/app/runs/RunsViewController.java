package io.counterweight.app.runs;

import io.counterweight.app.chart.ChartSaveMenu;
import io.counterweight.app.chart.ConfusionHeatmap;
import io.counterweight.app.services.EpochView;
import io.counterweight.core.experiment.Prediction;
import io.counterweight.core.experiment.RunSummary;
import io.counterweight.core.metrics.ClassMetrics;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.controlsfx.control.ToggleSwitch;

/** Binds the Runs screen to its {@link RunsViewModel}; asks before deleting, nothing else of its own. */
public final class RunsViewController {
    private final RunsViewModel vm;
    private boolean syncing; // the table's selection is being set from the view model

    @FXML private BorderPane runsRoot;
    @FXML private TextField filterField;
    @FXML private ChoiceBox<String> statusChoice;
    @FXML private Button renameButton;
    @FXML private Button tagsButton;
    @FXML private Button deleteButton;
    @FXML private Button repeatButton;
    @FXML private Button stopRepeatButton;
    @FXML private ProgressBar repeatProgress;
    @FXML private Label runsStatusLabel;
    @FXML private HBox runActions;
    @FXML private Button workspaceButton;
    @FXML private Label workspaceLabel;
    @FXML private Label repeatNotesLabel;
    @FXML private TableView<RunSummary> runsTable;
    @FXML private TableColumn<RunSummary, RunSummary> nameColumn;
    @FXML private TableColumn<RunSummary, RunSummary> dateColumn;
    @FXML private TableColumn<RunSummary, RunSummary> dataColumn;
    @FXML private TableColumn<RunSummary, RunSummary> modelColumn;
    @FXML private TableColumn<RunSummary, RunSummary> remediesColumn;
    @FXML private TableColumn<RunSummary, RunSummary> epochsColumn;
    @FXML private TableColumn<RunSummary, RunSummary> statusColumn;
    @FXML private TableColumn<RunSummary, RunSummary> accuracyColumn;
    @FXML private TableColumn<RunSummary, RunSummary> macroF1Column;
    @FXML private TableColumn<RunSummary, RunSummary> balancedColumn;
    @FXML private TableColumn<RunSummary, RunSummary> durationColumn;
    @FXML private TableColumn<RunSummary, RunSummary> tagsColumn;
    @FXML private Label runTitle;
    @FXML private Label runProblem;
    @FXML private LineChart<Number, Number> runLossChart;
    @FXML private NumberAxis lossEpochAxis;
    @FXML private LineChart<Number, Number> runMetricChart;
    @FXML private NumberAxis metricEpochAxis;
    @FXML private Label runEpochLabel;
    @FXML private ConfusionHeatmap runHeatmap;
    @FXML private Label runHeatmapPlaceholder;
    @FXML private Slider epochSlider;
    @FXML private ToggleSwitch runNormalisedSwitch;
    @FXML private TableView<ClassMetrics> perClassTable;
    @FXML private TableColumn<ClassMetrics, String> classColumn;
    @FXML private TableColumn<ClassMetrics, String> precisionColumn;
    @FXML private TableColumn<ClassMetrics, String> recallColumn;
    @FXML private TableColumn<ClassMetrics, String> f1Column;
    @FXML private TableColumn<ClassMetrics, String> supportColumn;
    @FXML private TableView<RunDetail> detailsTable;
    @FXML private TableColumn<RunDetail, String> sectionColumn;
    @FXML private TableColumn<RunDetail, String> keyColumn;
    @FXML private TableColumn<RunDetail, String> valueColumn;

    private final ChartSaveMenu charts;
    @FXML private Button resumeButton;
    @FXML private Tab predictionsTab;
    @FXML private TabPane detailTabs;
    @FXML private Label predictionsTitle;
    @FXML private ListView<Prediction> predictionsList;

    private final io.counterweight.app.drill.DrillDown drill;

    public RunsViewController(RunsViewModel vm, ChartSaveMenu charts, io.counterweight.app.drill.DrillDown drill) {
        this.vm = vm;
        this.charts = charts;
        this.drill = drill;
    }

    @FXML
    private void initialize() {
        bindToolbar();
        bindHistory();
        bindRun();
        bindEpoch();
        bindActions();
    }

    private void bindToolbar() {
        filterField.textProperty().bindBidirectional(vm.filterTextProperty());
        statusChoice.setItems(FXCollections.observableArrayList(vm.statusChoices()));
        statusChoice.valueProperty().bindBidirectional(vm.statusFilterProperty());
        RepeatRun repeat = vm.repeatRun();
        var none = vm.selectedProperty().isNull();
        renameButton.disableProperty().bind(none);
        tagsButton.disableProperty().bind(none);
        deleteButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !RunsViewModel.canDelete(vm.selectedProperty().get()),
                vm.selectedProperty()));
        repeatButton.disableProperty().bind(none.or(repeat.repeatingProperty()).or(vm.workbench().busyProperty()));
        stopRepeatButton.disableProperty().bind(repeat.repeatingProperty().not());
        repeatProgress.visibleProperty().bind(repeat.repeatingProperty());
        repeatProgress.managedProperty().bind(repeat.repeatingProperty());
        repeatProgress.progressProperty().bind(repeat.progressProperty());
        runsStatusLabel.textProperty().bind(vm.statusProperty());
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(vm.statusProperty());
        runsStatusLabel.setTooltip(whole);
        workspaceLabel.textProperty().bind(vm.workspaceTextProperty());
        repeatNotesLabel.textProperty().bind(repeat.notesProperty());
        repeatNotesLabel.visibleProperty().bind(repeat.notesProperty().isNotEmpty());
        repeatNotesLabel.managedProperty().bind(repeatNotesLabel.visibleProperty());
    }

    private void bindHistory() {
        SortedList<RunSummary> sorted = new SortedList<>(vm.shownRuns());
        sorted.comparatorProperty().bind(runsTable.comparatorProperty());
        runsTable.setItems(sorted);
        runsTable.setRowFactory(t -> RunsTable.row());
        RunsTable.column(nameColumn, RunSummary::name, r -> r.name().toLowerCase(Locale.ROOT));
        RunsTable.column(dateColumn, RunsTable::date, RunsTable::instant);
        RunsTable.column(dataColumn, RunSummary::data, RunSummary::data);
        RunsTable.column(modelColumn, RunSummary::model, RunSummary::model);
        RunsTable.column(remediesColumn, RunSummary::remedies, RunSummary::remedies);
        RunsTable.column(epochsColumn, r -> r.epochsDone() + " / " + r.epochs(), r -> ((long) r.epochsDone() << 32) + r.epochs());
        RunsTable.column(statusColumn, RunsTable::status, r -> r.status().id());
        RunsTable.column(accuracyColumn, r -> RunsTable.percent(r.accuracy()), r -> RunsTable.value(r.accuracy()));
        RunsTable.column(macroF1Column, r -> RunsTable.fraction(r.macroF1()), r -> RunsTable.value(r.macroF1()));
        RunsTable.column(balancedColumn, r -> RunsTable.percent(r.balancedAccuracy()), r -> RunsTable.value(r.balancedAccuracy()));
        RunsTable.column(durationColumn, RunsTable::duration, r -> r.epochsDone() == 0 ? null : r.seconds());
        RunsTable.column(tagsColumn, r -> String.join(", ", r.tags()), r -> String.join(", ", r.tags()));
        runsTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE); // several rows: exported as a comparison
        runsTable.getSelectionModel().selectedItemProperty().addListener((o, a, run) -> {
            if (!syncing && run != null) vm.select(run);
        });
        runsTable.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunSummary>) c -> {
            if (!syncing) vm.choose(List.copyOf(runsTable.getSelectionModel().getSelectedItems()));
        });
        // rows replaced by a new listing, or a run selected by the view model (Repeat, a folder from outside)
        sorted.addListener((ListChangeListener<RunSummary>) c -> syncSelection());
        vm.selectedProperty().addListener((o, a, run) -> syncSelection());
    }

    /**
     * Makes the table's selection follow the view model's: its selected run, and the rows chosen with it when
     * several are (a new listing replaces the rows; a comparison stays chosen).
     */
    private void syncSelection() {
        RunSummary run = vm.selectedProperty().get();
        List<RunSummary> items = runsTable.getItems();
        int index = indexOf(items, run);
        List<Integer> chosen = vm.chosenRuns().stream().map(r -> indexOf(items, r)).filter(i -> i >= 0).distinct().toList();
        boolean several = chosen.size() >= 2 && chosen.contains(index);
        var model = runsTable.getSelectionModel();
        List<Integer> want = index < 0 ? List.of() : several ? chosen : List.of(index);
        if (index == model.getSelectedIndex() && new java.util.HashSet<>(want).equals(new java.util.HashSet<>(model.getSelectedIndices()))) {
            return;
        }
        syncing = true;
        try {
            model.clearSelection();
            for (int i : want) if (i != index) model.select(i);
            if (index >= 0) model.select(index); // last: the focused, selected item
        } finally {
            syncing = false;
        }
        vm.choose(List.copyOf(model.getSelectedItems()));
    }

    private static int indexOf(List<RunSummary> items, RunSummary run) {
        for (int i = 0; run != null && i < items.size(); i++) {
            if (items.get(i).runDir().equals(run.runDir())) return i;
        }
        return -1;
    }

    private void bindRun() {
        runTitle.textProperty().bind(vm.titleProperty());
        runProblem.textProperty().bind(vm.problemProperty());
        runProblem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        runProblem.managedProperty().bind(runProblem.visibleProperty());
        RunCurves curves = vm.curves();
        runLossChart.getData().setAll(curves.loss());
        runMetricChart.getData().setAll(curves.metrics());
        // A LineChart keeps drawing a series' last path when all its points are removed: hide empty series.
        for (var chart : List.of(runLossChart, runMetricChart)) {
            for (var series : chart.getData()) series.getNode().visibleProperty().bind(Bindings.isNotEmpty(series.getData()));
        }
        for (NumberAxis axis : List.of(lossEpochAxis, metricEpochAxis)) {
            axis.upperBoundProperty().bind(curves.epochsProperty());
            axis.tickUnitProperty().bind(Bindings.createDoubleBinding(
                    () -> Math.max(1, Math.ceil(curves.epochsProperty().get() / 10.0)), curves.epochsProperty()));
        }
        detailsTable.setItems(vm.details());
        text(sectionColumn, RunDetail::section);
        text(keyColumn, RunDetail::key);
        text(valueColumn, RunDetail::value);
        sectionColumn.setMinWidth(86); // "remedies", "trained on" whole
        valueColumn.setCellFactory(c -> new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty ? null : value);
                tip.setText(value);
                setTooltip(empty || value == null ? null : tip); // long values (paths, counts) whole on hover
            }
        });
        perClassTable.setItems(vm.perClass());
        text(classColumn, ClassMetrics::name);
        text(precisionColumn, m -> String.format(Locale.ROOT, "%.3f", m.precision()));
        text(recallColumn, m -> String.format(Locale.ROOT, "%.3f", m.recall()));
        text(f1Column, m -> String.format(Locale.ROOT, "%.3f", m.f1()));
        text(supportColumn, m -> Long.toString(m.support()));
    }

    private void bindEpoch() {
        runEpochLabel.textProperty().bind(vm.epochTextProperty());
        runHeatmap.normalisedProperty().bind(runNormalisedSwitch.selectedProperty());
        vm.epochViewProperty().addListener((o, a, v) -> showMatrix(v));
        showMatrix(vm.epochViewProperty().get());
        runHeatmapPlaceholder.visibleProperty().bind(runHeatmap.matrixProperty().isNull());
        runHeatmap.setOnCellActivated((truth, predicted) -> {
            var source = vm.cellSource();
            var view = vm.epochViewProperty().get();
            var run = vm.selectedProperty().get();
            if (source != null && view != null) drill.show(runHeatmap.getScene().getWindow(), source,
                    run == null ? "reopened run" : run.name(), view.epoch(), truth, predicted, view.classNames());
        });
        epochSlider.disableProperty().bind(vm.lastEpochProperty().lessThan(2));
        vm.lastEpochProperty().addListener((o, a, n) -> fitSlider(n.intValue()));
        fitSlider(vm.lastEpochProperty().get());
        epochSlider.valueProperty().addListener((o, a, v) -> {
            int e = (int) Math.round(v.doubleValue());
            if (e >= 1 && e <= vm.lastEpochProperty().get()) vm.epochProperty().set(e);
        });
        vm.epochProperty().addListener((o, a, e) -> epochSlider.setValue(e.intValue()));
    }

    /** One tick per epoch up to ten labelled ticks; snapping stays per epoch. */
    private void fitSlider(int last) {
        int max = Math.max(1, last);
        int unit = (int) Math.max(1, Math.ceil(max / 10.0));
        epochSlider.setMax(max);
        epochSlider.setMajorTickUnit(unit);
        epochSlider.setMinorTickCount(unit - 1);
        epochSlider.setValue(Math.min(max, Math.max(1, vm.epochProperty().get())));
    }

    private void showMatrix(EpochView v) {
        runHeatmap.classNamesProperty().set(v == null ? List.of() : v.classNames());
        runHeatmap.matrixProperty().set(v == null ? null : v.matrix());
    }

    private static <T> void text(TableColumn<T, String> c, Function<T, String> f) {
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(f.apply(cell.getValue())));
    }

    /** Export menu, Predict images… and the Predictions tab; drops of images on the screen; the charts' PNG menus. */
    private void bindActions() {
        RunExport export = vm.export();
        MenuItem html = new MenuItem("Report (HTML)…");
        html.setOnAction(e -> export.html());
        MenuItem csv = new MenuItem("Tables (CSV)…");
        csv.setOnAction(e -> export.csv());
        MenuItem png1 = new MenuItem("Charts as PNG (1×)…");
        png1.setOnAction(e -> export.png(1));
        MenuItem png2 = new MenuItem("Charts as PNG (2× for slides)…");
        png2.setOnAction(e -> export.png(2));
        MenuButton exportMenu = new MenuButton("Export", null, html, csv, png1, png2);
        exportMenu.setId("exportMenu");
        exportMenu.setMinWidth(Region.USE_PREF_SIZE);
        exportMenu.disableProperty().bind(vm.selectedProperty().isNull().or(export.exportingProperty()));
        exportMenu.setTooltip(new Tooltip("The selected run, or the selected rows as a comparison"));
        Button predict = new Button("Predict images…");
        predict.setId("predictButton");
        predict.setMinWidth(Region.USE_PREF_SIZE);
        predict.setOnAction(e -> vm.predictImages());
        predict.disableProperty().bind(Bindings.createBooleanBinding(() -> !RunPredictions.canPredict(vm.selectedProperty().get()),
                vm.selectedProperty()).or(vm.predictions().predictingProperty()));
        runActions.getChildren().setAll(exportMenu, predict);
        export.setDestinations(new ChooserDestinations(() -> runsRoot.getScene().getWindow()));

        RepeatRun repeat = vm.repeatRun();
        resumeButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !RunsViewModel.canResume(vm.selectedProperty().get()),
                vm.selectedProperty()).or(repeat.repeatingProperty()).or(vm.workbench().busyProperty()));

        RunPredictions predictions = vm.predictions();
        predictionsList.setItems(predictions.predictions());
        predictionsList.setCellFactory(l -> new PredictionCell());
        predictionsTitle.textProperty().bind(predictions.titleProperty());
        predictions.predictions().addListener((ListChangeListener<Prediction>) c -> {
            if (!predictions.predictions().isEmpty()) detailTabs.getSelectionModel().select(predictionsTab);
        });
        runsRoot.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && RunPredictions.canPredict(vm.selectedProperty().get())) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        runsRoot.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) predictions.predict(e.getDragboard().getFiles().stream().map(java.io.File::toPath).toList());
            e.setDropCompleted(ok);
            e.consume();
        });

        charts.install(runLossChart, "loss");
        charts.install(runMetricChart, "metrics");
        charts.install(runHeatmap, "confusion");
    }

    /** The toolbar's box for actions on the selected run that other screens' work adds (export, predictions). */
    public HBox runActions() { return runActions; }

    public RunsViewModel viewModel() { return vm; }

    @FXML
    private void rename() {
        RunSummary run = vm.selectedProperty().get();
        if (run == null) return;
        TextInputDialog d = styled(new TextInputDialog(run.name()));
        d.setTitle("Rename run");
        d.setHeaderText("A name for " + run.runDir().getFileName() + " (empty: the folder's name)");
        d.showAndWait().ifPresent(vm::rename);
    }

    @FXML
    private void editTags() {
        RunSummary run = vm.selectedProperty().get();
        if (run == null) return;
        TextInputDialog d = styled(new TextInputDialog(String.join(", ", run.tags())));
        d.setTitle("Tags");
        d.setHeaderText("Tags of " + run.name() + ", separated by commas");
        d.showAndWait().ifPresent(vm::setTags);
    }

    @FXML
    private void delete() {
        RunSummary run = vm.selectedProperty().get();
        if (run == null) return;
        Alert confirm = styled(new Alert(Alert.AlertType.CONFIRMATION,
                "Delete the folder " + run.runDir() + " with its model, metrics and matrices? This cannot be undone.",
                ButtonType.CANCEL, ButtonType.OK));
        confirm.setTitle("Delete run");
        confirm.setHeaderText("Delete " + run.name() + "?");
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.delete());
    }

    @FXML private void repeat() { vm.repeat(); }

    @FXML private void stop() { vm.stop(); }

    @FXML private void resume() { vm.resume(); }

    @FXML
    private void chooseWorkspace() {
        WorkspaceDialog.ask(runsRoot.getScene().getWindow(), vm.workspace()).ifPresent(vm::useWorkspace);
    }

    private <D extends Dialog<?>> D styled(D dialog) {
        var window = runsRoot.getScene().getWindow();
        dialog.initOwner(window);
        dialog.getDialogPane().getStylesheets().addAll(runsRoot.getScene().getStylesheets());
        dialog.getDialogPane().setMinWidth(480);
        return dialog;
    }
}
