package io.counterweight.app.compare;

import io.counterweight.app.chart.ChartSaveMenu;
import io.counterweight.app.chart.ClassChangeChart;
import io.counterweight.app.chart.ConfusionHeatmap;
import io.counterweight.app.drill.DrillDown;
import io.counterweight.app.chart.DifferenceHeatmap;
import io.counterweight.app.services.EpochView;
import io.counterweight.core.experiment.Comparison;
import io.counterweight.core.experiment.EpochMetrics;
import io.counterweight.core.metrics.ClassMetrics;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.controlsfx.control.ToggleSwitch;

/** Binds the Compare screen to its {@link CompareViewModel}; builds a heatmap, curves and columns per compared run. */
public final class CompareViewController {
    private static final Duration PLAY_STEP = Duration.millis(700);

    private final CompareViewModel vm;
    private final ChartSaveMenu charts;
    private final List<ConfusionHeatmap> runHeatmaps = new ArrayList<>();
    private final DrillDown drill;
    private final List<Label> runTitles = new ArrayList<>();
    private final Timeline player = new Timeline();
    private boolean syncingSlider;
    private int epochLabelMax = -1;
    private Font epochLabelFont;

    @FXML private BorderPane root;
    @FXML private Button runButton;
    @FXML private Button historyButton;
    @FXML private Button openButton;
    @FXML private Button stopButton;
    @FXML private Button exportButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label statusLabel;
    @FXML private ToggleSwitch normalisedSwitch;
    @FXML private Label planLabel;
    @FXML private Hyperlink studyLink;
    @FXML private TableView<Comparison.Row> table;
    @FXML private TableColumn<Comparison.Row, String> metricColumn;
    @FXML private TableColumn<Comparison.Row, String> baselineColumn;
    @FXML private TableColumn<Comparison.Row, String> improvedColumn;
    @FXML private TableColumn<Comparison.Row, Comparison.Row> deltaColumn;
    @FXML private Label groupsHint;
    @FXML private Label foldersLabel;
    @FXML private FlowPane legend;
    @FXML private LineChart<Number, Number> trainLossChart;
    @FXML private LineChart<Number, Number> testLossChart;
    @FXML private LineChart<Number, Number> accuracyChart;
    @FXML private LineChart<Number, Number> macroF1Chart;
    @FXML private LineChart<Number, Number> balancedChart;
    @FXML private Button playButton;
    @FXML private Slider compareEpochSlider;
    @FXML private Label compareEpochLabel;
    @FXML private HBox heatmaps;
    @FXML private Label differenceTitle;
    @FXML private DifferenceHeatmap differenceMap;
    @FXML private Label differencePlaceholder;
    @FXML private Label changesTitle;
    @FXML private ClassChangeChart changeChart;
    @FXML private TableView<PerClassRow> classTable;

    public CompareViewController(CompareViewModel vm, ChartSaveMenu charts, DrillDown drill) {
        this.vm = vm;
        this.charts = charts;
        this.drill = drill;
    }

    @FXML
    private void initialize() {
        runButton.disableProperty().bind(vm.runningProperty().or(vm.workbench().busyProperty())
                .or(vm.workbench().selectedProperty().isNull()));
        historyButton.disableProperty().bind(vm.runningProperty().or(vm.workbench().busyProperty()));
        openButton.disableProperty().bind(vm.runningProperty().or(vm.workbench().busyProperty()));
        stopButton.disableProperty().bind(vm.runningProperty().not());
        exportButton.disableProperty().bind(javafx.beans.binding.Bindings.size(vm.runs()).lessThan(2));
        progressBar.visibleProperty().bind(vm.runningProperty());
        progressBar.progressProperty().bind(vm.progressProperty());
        statusLabel.textProperty().bind(vm.statusProperty());
        planLabel.textProperty().bind(vm.planProperty());
        studyLink.disableProperty().bind(vm.workbench().busyProperty());
        normalisedSwitch.selectedProperty().bindBidirectional(vm.normalisedProperty());

        table.setItems(vm.rows());
        text(metricColumn, Comparison.Row::metric);
        text(baselineColumn, Comparison.Row::baselineText);
        text(improvedColumn, Comparison.Row::improvedText);
        deltaColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        deltaColumn.setCellFactory(c -> new DeltaCell());
        groupsHint.setText(vm.groupsHint());

        compareEpochSlider.valueProperty().addListener((o, a, b) -> {
            if (!syncingSlider) vm.epochProperty().set((int) Math.round(b.doubleValue()));
        });
        vm.epochProperty().addListener(x -> syncSlider());
        vm.maxEpochProperty().addListener(x -> syncSlider());
        compareEpochLabel.fontProperty().addListener(x -> showEpochLabel()); // CSS sets it, presenter mode enlarges it
        player.setCycleCount(Timeline.INDEFINITE);
        player.getKeyFrames().add(new KeyFrame(PLAY_STEP, e -> step()));
        player.statusProperty().addListener((o, a, b) -> playButton.setText(b == Timeline.Status.RUNNING ? "❚❚  Pause" : "▶  Play"));
        playButton.disableProperty().bind(vm.maxEpochProperty().lessThan(2));

        vm.runs().addListener((ListChangeListener<ComparedRun>) c -> showRuns());
        vm.shown().addListener((ListChangeListener<EpochView>) c -> showMatrices());
        differenceMap.differenceProperty().bind(vm.differenceProperty());
        differencePlaceholder.textProperty().bind(javafx.beans.binding.Bindings.when(vm.differenceProblemProperty().isEmpty())
                .then("Second run minus first, per true class").otherwise(vm.differenceProblemProperty()));
        differencePlaceholder.visibleProperty().bind(vm.differenceProperty().isNull());
        vm.classChanges().addListener((ListChangeListener<io.counterweight.core.metrics.ClassChange>) c ->
                changeChart.changesProperty().set(List.copyOf(vm.classChanges())));
        classTable.setItems(vm.perClass());
        charts.install(differenceMap, "difference");
        charts.install(changeChart, "per-class-change");
        for (LineChart<Number, Number> chart : curveCharts()) charts.install(chart, chart.getTitle().replace(' ', '-'));
        showRuns();
    }

    private List<LineChart<Number, Number>> curveCharts() {
        return List.of(trainLossChart, testLossChart, accuracyChart, macroF1Chart, balancedChart);
    }

    /** Rebuilds what depends on which runs are compared: legend, curves, one heatmap per run, table columns. */
    private void showRuns() {
        List<ComparedRun> runs = vm.runs();
        legend.getChildren().clear();
        for (int i = 0; i < runs.size(); i++) {
            Rectangle chip = new Rectangle(14, 14, RunColours.of(i));
            Label l = new Label(runs.get(i).name() + (i == 0 ? " (reference)" : ""), chip);
            l.getStyleClass().add("run-legend");
            legend.getChildren().add(l);
        }
        int planned = runs.stream().mapToInt(r -> Math.max(r.result().config().recipe().epochs(), r.epochCount())).max().orElse(1);
        curve(trainLossChart, runs, EpochMetrics::trainLoss, planned);
        curve(testLossChart, runs, EpochMetrics::testLoss, planned);
        curve(accuracyChart, runs, EpochMetrics::accuracy, planned);
        curve(macroF1Chart, runs, EpochMetrics::macroF1, planned);
        curve(balancedChart, runs, EpochMetrics::balancedAccuracy, planned);
        buildHeatmaps(runs);
        buildClassColumns(runs);
        baselineColumn.setText(runs.isEmpty() ? "baseline" : runs.get(0).name());
        improvedColumn.setText(runs.size() < 2 ? "improved" : runs.get(1).name());
        differenceTitle.setText(runs.size() < 2 ? "Difference" : "Difference: " + runs.get(1).name() + " − " + runs.get(0).name());
        differenceMap.runNamesProperty().set(runs.size() < 2 ? "" : runs.get(0).name() + " → " + runs.get(1).name());
        changesTitle.setText(runs.size() < 2 ? "Change per class" : "Change per class, " + runs.get(1).name() + " − "
                + runs.get(0).name() + " (classes by training images, largest first)");
        foldersLabel.setText(runs.isEmpty() || runs.get(0).runDir() == null ? ""
                : "Run folders:\n" + String.join("\n", runs.stream().map(r -> String.valueOf(r.runDir())).toList()));
        showMatrices();
        syncSlider();
    }

    private static void curve(LineChart<Number, Number> chart, List<ComparedRun> runs, ToDoubleFunction<EpochMetrics> f, int planned) {
        NumberAxis x = (NumberAxis) chart.getXAxis();
        x.setUpperBound(Math.max(2, planned));
        x.setTickUnit(Math.max(1, Math.ceil(planned / 10.0)));
        List<XYChart.Series<Number, Number>> all = new ArrayList<>();
        for (ComparedRun r : runs) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(r.name());
            for (EpochMetrics m : r.result().history()) {
                double v = f.applyAsDouble(m);
                if (Double.isFinite(v)) s.getData().add(new XYChart.Data<>(m.epoch(), v));
            }
            all.add(s);
        }
        chart.getData().setAll(all);
        for (int i = 0; i < all.size(); i++) { // the run's colour, whatever the chart's default palette says
            String hex = RunColours.hex(i);
            XYChart.Series<Number, Number> s = all.get(i);
            if (s.getNode() != null) s.getNode().setStyle("-fx-stroke: " + hex + "; -fx-stroke-width: 2.5px;");
            for (XYChart.Data<Number, Number> d : s.getData()) {
                if (d.getNode() != null) d.getNode().setStyle("-fx-background-color: " + hex + ", white;");
            }
        }
    }

    /** One heatmap card per run (at least two); cards are kept and reused, so a heatmap node lives as long as the screen. */
    private void buildHeatmaps(List<ComparedRun> runs) {
        int wanted = Math.max(2, runs.size());
        while (runHeatmaps.size() < wanted) addHeatmapCard(runHeatmaps.size());
        while (runHeatmaps.size() > wanted) {
            int last = runHeatmaps.size() - 1;
            runHeatmaps.remove(last);
            runTitles.remove(last);
            heatmaps.getChildren().remove(last);
        }
        for (int i = 0; i < wanted; i++) {
            Label title = runTitles.get(i);
            title.setText(i < runs.size() ? runs.get(i).name() : i == 0 ? "Baseline" : "Improved");
            title.setGraphic(i < runs.size() ? new Rectangle(14, 14, RunColours.of(i)) : null);
        }
    }

    private void addHeatmapCard(int i) {
        ConfusionHeatmap heatmap = new ConfusionHeatmap();
        heatmap.setId(i == 0 ? "baselineHeatmap" : i == 1 ? "improvedHeatmap" : "runHeatmap" + i); // the ids of the earlier two-run view
        heatmap.setPrefSize(440, 440);
        heatmap.normalisedProperty().bind(vm.normalisedProperty());
        Label title = new Label();
        title.getStyleClass().add("card-title");
        Label placeholder = new Label("Confusion matrix of the " + (i == 0 ? "baseline (reference)" : "compared") + " run");
        placeholder.getStyleClass().add("placeholder");
        placeholder.visibleProperty().bind(heatmap.matrixProperty().isNull());
        StackPane stack = new StackPane(heatmap, placeholder);
        VBox.setVgrow(stack, Priority.ALWAYS);
        VBox card = new VBox(6, title, stack);
        card.getStyleClass().add("card");
        HBox.setHgrow(card, Priority.ALWAYS);
        heatmaps.getChildren().add(card);
        runHeatmaps.add(heatmap);
        int index = i;
        // a cell opens its test images at the scrubber's epoch (the run's last when it has fewer)
        heatmap.setOnCellActivated((truth, predicted) -> {
            List<EpochView> shown = vm.shown();
            EpochView v = index < shown.size() ? shown.get(index) : null;
            var source = vm.cellSource(index);
            if (v != null && source != null) drill.show(heatmap.getScene().getWindow(), source,
                    vm.runs().get(index).name(), v.epoch(), truth, predicted, v.classNames());
        });
        runTitles.add(title);
        charts.install(heatmap, "run-" + (i + 1) + "-confusion");
    }

    /** Each run's matrix at the scrubber's epoch, with its macro-F1 and accuracy in the title. */
    private void showMatrices() {
        List<ComparedRun> runs = vm.runs();
        List<EpochView> shown = vm.shown();
        for (int i = 0; i < runHeatmaps.size(); i++) {
            EpochView v = i < shown.size() ? shown.get(i) : null;
            ConfusionHeatmap h = runHeatmaps.get(i);
            List<String> names = v == null ? List.of() : v.classNames();
            if (!names.equals(h.classNamesProperty().get())) h.classNamesProperty().set(names); // an equal list would redraw for nothing
            h.matrixProperty().set(v == null ? null : v.matrix());
            if (i < runs.size()) {
                runTitles.get(i).setText(v == null ? runs.get(i).name() + " · no epoch" : String.format(Locale.ROOT,
                        "%s · epoch %d · F1 %.3f · acc %.1f %%", runs.get(i).name(), v.epoch(),
                        v.report().macroF1(), 100 * v.report().accuracy()));
            }
        }
        if (!shown.isEmpty() && shown.get(0) != null && !shown.get(0).classNames().equals(differenceMap.classNamesProperty().get())) {
            differenceMap.classNamesProperty().set(shown.get(0).classNames());
        }
    }

    private void buildClassColumns(List<ComparedRun> runs) {
        classTable.getColumns().clear();
        TableColumn<PerClassRow, String> name = column("class", r -> r.name());
        name.setPrefWidth(130);
        TableColumn<PerClassRow, String> train = column("train", r -> r.trainCount() < 0 ? "?" : String.format(Locale.ROOT, "%,d", r.trainCount()));
        TableColumn<PerClassRow, String> group = column("group", r -> r.group() == null ? "" : r.group().name().toLowerCase(Locale.ROOT));
        classTable.getColumns().addAll(List.of(name, train, group));
        for (int i = 0; i < runs.size(); i++) {
            int run = i;
            TableColumn<PerClassRow, String> parent = new TableColumn<>();
            Label header = new Label(runs.get(i).name(), new Rectangle(10, 10, RunColours.of(i)));
            parent.setGraphic(header);
            parent.getColumns().add(metricColumn("recall", run, ClassMetrics::recall));
            parent.getColumns().add(metricColumn("F1", run, ClassMetrics::f1));
            classTable.getColumns().add(parent);
        }
    }

    /** A run's metric of the row's class; follows the row in place as the scrubber moves. */
    private static TableColumn<PerClassRow, String> metricColumn(String title, int run, ToDoubleFunction<ClassMetrics> f) {
        TableColumn<PerClassRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> {
            PerClassRow r = cell.getValue();
            return Bindings.createStringBinding(() -> {
                ClassMetrics m = run < r.perRun().size() ? r.perRun().get(run) : null;
                return m == null ? "–" : String.format(Locale.ROOT, "%.3f", f.applyAsDouble(m));
            }, r.perRunProperty());
        });
        c.setSortable(false);
        c.getStyleClass().add("number");
        c.setPrefWidth(64);
        return c;
    }

    private static <S> TableColumn<S, String> column(String title, Function<S, String> f) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(f.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }

    /** The slider follows the view model's epoch and range (set by a comparison, the play button or a test). */
    private void syncSlider() {
        syncingSlider = true;
        try {
            compareEpochSlider.setMax(vm.maxEpochProperty().get());
            int major = (int) Math.max(1, Math.ceil(vm.maxEpochProperty().get() / 20.0));
            compareEpochSlider.setMajorTickUnit(major);
            compareEpochSlider.setMinorTickCount(major - 1); // a tick per epoch, so snapping never skips one
            compareEpochSlider.setValue(vm.epochProperty().get());
        } finally {
            syncingSlider = false;
        }
        showEpochLabel();
    }

    private void showEpochLabel() {
        int max = vm.maxEpochProperty().get();
        compareEpochLabel.setText(vm.runs().isEmpty() ? "" : "epoch " + vm.epochProperty().get() + " of " + max);
        Font font = compareEpochLabel.getFont();
        if (max == epochLabelMax && font.equals(epochLabelFont)) return;
        // As wide as its widest text, so a move never resizes the slider (and re-lays out its tick labels).
        Text widest = new Text("epoch " + max + " of " + max);
        widest.setFont(font);
        double width = Math.ceil(widest.getLayoutBounds().getWidth() + compareEpochLabel.snappedLeftInset()
                + compareEpochLabel.snappedRightInset()) + 2;
        compareEpochLabel.setMinWidth(width);
        compareEpochLabel.setPrefWidth(width);
        epochLabelMax = max;
        epochLabelFont = font;
    }

    private void step() {
        int e = vm.epochProperty().get();
        if (e >= vm.maxEpochProperty().get()) player.stop();
        else vm.epochProperty().set(e + 1);
    }

    @FXML
    private void togglePlay() {
        if (player.getStatus() == Timeline.Status.RUNNING) {
            player.stop();
            return;
        }
        if (vm.epochProperty().get() >= vm.maxEpochProperty().get()) vm.epochProperty().set(1); // from the start again
        player.play();
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

    @FXML private void useStudyRemedies() { vm.useStudyRemedies(); }

    @FXML
    private void chooseRuns() {
        vm.refreshHistory();
        RunChooser.show(root.getScene().getWindow(), vm.history()).ifPresent(vm::open);
    }

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
        chooser.setTitle("Reference (baseline) run folder");
        File a = chooser.showDialog(root.getScene().getWindow());
        if (a == null) return;
        chooser.setTitle("Run folder to compare with it");
        chooser.setInitialDirectory(a.getParentFile());
        File b = chooser.showDialog(root.getScene().getWindow());
        if (b != null) vm.open(List.of(a.toPath(), b.toPath()));
    }

    /** For tests and screenshots: the heatmaps of the compared runs, in run order. */
    List<ConfusionHeatmap> runHeatmaps() { return List.copyOf(runHeatmaps); }

}
