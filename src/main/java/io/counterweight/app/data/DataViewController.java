package io.counterweight.app.data;

import io.counterweight.app.chart.ChartSupport;
import io.counterweight.app.common.Coalescer;
import io.counterweight.core.sampling.WeightMode;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;
import org.controlsfx.control.ToggleSwitch;

/** Binds the Data screen to its {@link DataViewModel}; no logic of its own. */
public final class DataViewController {
    /** asObject() adapters are only weakly held by bidirectional bindings: keep them alive. */
    private final java.util.List<Object> strongRefs = new java.util.ArrayList<>();
    private final DataViewModel vm;

    @FXML private BorderPane root;
    @FXML private Button openButton;
    @FXML private Button demoButton;
    @FXML private MenuButton recentMenu;
    @FXML private HBox loadingBox;
    @FXML private Label progressLabel;
    @FXML private ProgressBar progressBar;
    @FXML private Label summaryLabel;
    @FXML private ToggleSwitch logSwitch;
    @FXML private BarChart<String, Number> histogram;
    @FXML private CategoryAxis classAxis;
    @FXML private NumberAxis countAxis;
    @FXML private Label imbalanceLabel;
    @FXML private Slider imbalanceSlider;
    @FXML private HBox presetBox;
    @FXML private Spinner<Integer> classesSpinner;
    @FXML private Spinner<Integer> seedSpinner;
    @FXML private Spinner<Integer> maxPerClassSpinner;
    @FXML private TextField perClassField;
    @FXML private Button perClassButton;
    @FXML private Label perClassErrorLabel;
    @FXML private Label notesLabel;
    @FXML private Label tailLabel;
    @FXML private Label tableTitle;
    @FXML private TableView<ClassTableRow> weightTable;
    private final ToggleGroup presets = new ToggleGroup();
    private boolean syncingSlider;

    private final io.counterweight.app.chart.ChartSaveMenu charts;

    public DataViewController(DataViewModel vm, io.counterweight.app.chart.ChartSaveMenu charts) {
        this.vm = vm;
        this.charts = charts;
    }

    @FXML
    private void initialize() {
        charts.install(histogram, "class-counts");
        loadingBox.visibleProperty().bind(vm.loadingProperty());
        loadingBox.managedProperty().bind(vm.loadingProperty());
        progressLabel.textProperty().bind(vm.progressMessageProperty());
        progressBar.progressProperty().bind(vm.progressProperty());
        summaryLabel.textProperty().bind(vm.summaryProperty());
        notesLabel.textProperty().bind(vm.notesProperty());
        tailLabel.textProperty().bind(vm.tailSummaryProperty());
        notesLabel.visibleProperty().bind(vm.notesProperty().isNotEmpty());
        logSwitch.selectedProperty().bindBidirectional(vm.logScaleProperty());
        var busy = vm.workbench().busyProperty().or(vm.loadingProperty());
        for (var n : List.of(openButton, demoButton, classesSpinner, seedSpinner, perClassField, perClassButton)) {
            n.disableProperty().bind(busy);
        }
        // exact counts replace the long tail and n_max (the core refuses them together)
        var exact = javafx.beans.binding.Bindings.createBooleanBinding(() -> !vm.perClassProperty().get().isEmpty(), vm.perClassProperty());
        for (var n : List.of(imbalanceSlider, presetBox, maxPerClassSpinner)) n.disableProperty().bind(busy.or(exact));
        perClassField.textProperty().bindBidirectional(vm.perClassTextProperty());
        perClassErrorLabel.textProperty().bind(vm.perClassErrorProperty());
        perClassErrorLabel.visibleProperty().bind(vm.perClassErrorProperty().isNotEmpty());
        perClassErrorLabel.managedProperty().bind(perClassErrorLabel.visibleProperty());
        recentMenu.disableProperty().bind(busy.or(javafx.beans.binding.Bindings.isEmpty(vm.recentFolders())));
        bindImbalance();
        bindSpinners();
        bindRecent();
        bindDragAndDrop();
        // a load changes the selection and then the weights, each rebuilding the rows: draw once for both
        Coalescer redraws = Coalescer.onFxThread(this::redraw);
        vm.rows().addListener((javafx.collections.ListChangeListener<ClassRow>) c -> redraws.request());
        vm.logScaleProperty().addListener(x -> redraws.request());
        vm.workbench().weightModeProperty().addListener(x -> updateTableTitle());
        updateTableTitle();
        redraw();
    }

    private void bindImbalance() {
        for (double u : DataViewModel.PRESETS) {
            ToggleButton b = new ToggleButton(u == 1 ? "1 (as loaded)" : format(u));
            b.setToggleGroup(presets);
            b.setUserData(u);
            b.setOnAction(e -> vm.applyPreset(u));
            presetBox.getChildren().add(b);
        }
        imbalanceSlider.valueProperty().addListener((o, a, v) -> {
            if (!syncingSlider) vm.setImbalanceFromSlider(v.doubleValue());
        });
        vm.imbalanceProperty().addListener(x -> syncImbalance());
        syncImbalance();
    }

    private void syncImbalance() {
        double u = vm.imbalanceProperty().get();
        syncingSlider = true;
        imbalanceSlider.setValue(Math.log10(u));
        syncingSlider = false;
        imbalanceLabel.setText(format(u) + (u < 1 ? String.format(Locale.ROOT, "   (1 : %.0f)", 1 / u) : ""));
        presets.getToggles().forEach(t -> t.setSelected(((Double) t.getUserData()) == u));
    }

    private void bindSpinners() {
        var classes = new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 1000, 0);
        classesSpinner.setValueFactory(classes);
        vm.workbench().loadedProperty().addListener((o, a, d) -> classes.setMax(d == null ? 1000 : d.numClasses()));
        classes.valueProperty().bindBidirectional(keep(vm.workbench().classesProperty().asObject()));
        var seed = new SpinnerValueFactory.IntegerSpinnerValueFactory(0, Integer.MAX_VALUE, 42);
        seedSpinner.setValueFactory(seed);
        seed.valueProperty().bindBidirectional(keep(vm.workbench().seedProperty().asObject()));
        var nMax = new SpinnerValueFactory.IntegerSpinnerValueFactory(0, Integer.MAX_VALUE, 0, 100);
        maxPerClassSpinner.setValueFactory(nMax);
        nMax.valueProperty().bindBidirectional(keep(vm.maxPerClassProperty().asObject()));
    }

    private void bindRecent() {
        vm.recentFolders().addListener((javafx.collections.ListChangeListener<String>) c -> fillRecent());
        fillRecent();
    }

    private void fillRecent() {
        // Every open re-lists the folders, mostly unchanged; replacing menu items re-scans the scene's
        // accelerators, a measurable part of the frame after a load.
        if (recentMenu.getItems().stream().map(MenuItem::getText).toList().equals(List.copyOf(vm.recentFolders()))) return;
        recentMenu.getItems().clear();
        for (String folder : vm.recentFolders()) {
            MenuItem item = new MenuItem(folder);
            item.setOnAction(e -> vm.open(Path.of(folder)));
            recentMenu.getItems().add(item);
        }
    }

    private void bindDragAndDrop() {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && !vm.loadingProperty().get()) e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            e.consume();
        });
        root.setOnDragEntered(e -> {
            if (e.getDragboard().hasFiles()) root.getStyleClass().add("drop-target");
        });
        root.setOnDragExited(e -> root.getStyleClass().remove("drop-target"));
        root.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            boolean ok = files != null && !files.isEmpty();
            if (ok) vm.open(files.get(0).toPath());
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    @FXML
    private void openFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a data set folder");
        if (!vm.recentFolders().isEmpty()) {
            File last = new File(vm.recentFolders().get(0)).getParentFile();
            if (last != null && last.isDirectory()) chooser.setInitialDirectory(last);
        }
        File dir = chooser.showDialog(root.getScene().getWindow());
        if (dir != null) vm.open(dir.toPath());
    }

    @FXML
    private void loadDemo() {
        vm.loadDemo();
    }

    @FXML
    private void cancelLoad() {
        vm.cancelLoad();
    }

    private void updateTableTitle() {
        tableTitle.setText(vm.workbench().weightModeProperty().get() == WeightMode.INVERSE_FREQUENCY
                ? "Count and weight per class: w ∝ 1 / n, so weight × count is the same for every class (largest class = 1)"
                : "Count and weight per class: w ∝ 1 / effective number (1 − β^n)/(1 − β) (largest class = 1)");
    }

    private void redraw() {
        boolean log = vm.logScaleProperty().get();
        List<ClassRow> rows = vm.rows();
        double[] counts = rows.stream().mapToDouble(ClassRow::count).toArray();
        ChartSupport.setBars(histogram, countAxis, rows.stream().map(ClassRow::name).toList(),
                List.of("training images"), List.of(counts), log,
                (series, i) -> String.format(Locale.ROOT, "%s\n%,d training images (of %,d loaded)\nweight %.4f",
                        rows.get(i).name(), rows.get(i).count(), rows.get(i).loadedCount(), rows.get(i).weight()));
        ClassTableRow.fill(weightTable, rows);
    }

    static String format(double u) {
        return new java.math.BigDecimal(u).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private <T> T keep(T adapter) {
        strongRefs.add(adapter);
        return adapter;
    }

    @FXML private void applyPerClass() { vm.applyPerClass(); }
}
