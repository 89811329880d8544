package io.counterweight.app.chart;

import io.counterweight.core.metrics.ConfusionDifference;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/**
 * The difference of two confusion matrices normalised per true class, on canvases like
 * {@link ConfusionHeatmap}: blue where the second run puts a larger share of the class's images, red
 * where a smaller one, white where nothing changed, grey where a class has no test images. The scale is
 * symmetric around 0 and shown in a legend of its own; diagonal cells are outlined, because there blue
 * is a gain and off the diagonal blue is a confusion that grew.
 */
public final class DifferenceHeatmap extends Region {
    private static final double LEGEND_WIDTH = 70;
    private static final double GAP = 8;

    private static final Color LABEL_COLOUR = Color.web("#37474f");

    private final Canvas canvas = new Canvas();
    private final HeatmapLabels labels = new HeatmapLabels();
    private final ObjectProperty<ConfusionDifference> difference = new SimpleObjectProperty<>(this, "difference");
    private final ObjectProperty<List<String>> classNames = new SimpleObjectProperty<>(this, "classNames", List.of());
    private final StringProperty runNames = new SimpleStringProperty(this, "runNames", "baseline → improved");
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");
    private final Tooltip tooltip = new Tooltip();
    private HeatmapLayout layout;
    private WritableImage cells;
    private WritableImage legendBar;
    private int hoverRow = -1, hoverCol = -1;

    public DifferenceHeatmap() {
        getStyleClass().add("heatmap");
        getChildren().addAll(labels.canvas(), canvas);
        difference.addListener(x -> redraw());
        classNames.addListener(x -> redraw());
        tooltip.setShowDelay(Duration.millis(80));
        tooltip.setHideDelay(Duration.ZERO);
        Tooltip.install(canvas, tooltip);
        canvas.setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        canvas.setOnMouseExited(e -> hover(-1, -1));
        setMinSize(200, 200);
        setPrefSize(520, 520);
    }

    @Override
    protected void layoutChildren() {
        double w = Math.max(0, getWidth() - snappedLeftInset() - snappedRightInset());
        double h = Math.max(0, getHeight() - snappedTopInset() - snappedBottomInset());
        canvas.relocate(snappedLeftInset(), snappedTopInset());
        labels.canvas().relocate(snappedLeftInset(), snappedTopInset());
        if (w == canvas.getWidth() && h == canvas.getHeight()) return; // the property listeners keep the drawing current
        canvas.setWidth(w);
        canvas.setHeight(h);
        labels.resize(w, h);
        redraw();
    }

    /** The colour scale's end: the largest change rounded up to a tenth (a twentieth below 0.1), at least 0.05. */
    public static double scale(double maxAbs) {
        if (maxAbs <= 0.05) return 0.05;
        if (maxAbs <= 0.1) return 0.1;
        return Math.min(1, Math.ceil(maxAbs * 10 - 1e-9) / 10);
    }

    /** Text for one cell, as shown on hover. */
    public String describe(int truth, int predicted) {
        ConfusionDifference d = difference.get();
        if (Double.isNaN(d.delta(truth, predicted))) {
            return "true: " + name(truth) + "\npredicted: " + name(predicted) + "\nno test images of this class in one of the runs";
        }
        return String.format(Locale.ROOT, "true: %s\npredicted: %s\n%s: %.1f %% → %.1f %% (%+.1f pp)", name(truth), name(predicted),
                runNames.get(), 100 * d.baselineRate(truth, predicted), 100 * d.improvedRate(truth, predicted),
                100 * d.delta(truth, predicted));
    }

    /** Simulates the pointer at canvas coordinates (x, y); (-1, -1) leaves the canvas. */
    public void hover(double x, double y) {
        int[] cell = layout == null ? null : layout.cellAt(x, y);
        int r = cell == null ? -1 : cell[0], c = cell == null ? -1 : cell[1];
        if (r == hoverRow && c == hoverCol) return;
        hoverRow = r;
        hoverCol = c;
        hoverText.set(r < 0 ? "" : describe(r, c));
        tooltip.setText(hoverText.get());
        if (r < 0) tooltip.hide();
        redraw();
    }

    private String name(int c) {
        List<String> n = classNames.get();
        return c < n.size() ? n.get(c) : Integer.toString(c);
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        ConfusionDifference d = difference.get();
        if (d == null || w < 50 || h < 50) {
            layout = null;
            labels.clear();
            return;
        }
        int k = d.numClasses();
        double scale = scale(d.maxAbs());
        layout = HeatmapLayout.fit(k, w - LEGEND_WIDTH - GAP, h, this::name);
        labels.draw(layout, classNames.get(), LABEL_COLOUR, 1);
        drawCells(g, d, k, scale);
        drawLegend(g, scale, layout.left() + k * layout.cell() + GAP, layout.top(), k * layout.cell());
    }

    private void drawCells(GraphicsContext g, ConfusionDifference d, int k, double scale) {
        double s = layout.cell();
        boolean values = s >= 26;
        g.setFont(Font.font("System", FontWeight.NORMAL, Math.min(13, s * 0.33)));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        // One pixel per cell, scaled up without smoothing: one drawImage instead of k² fillRects, which the
        // software pipeline (no GPU, e.g. a classroom VM) renders several times faster.
        if (cells == null || (int) cells.getWidth() != k) cells = new WritableImage(k, k);
        PixelWriter pixels = cells.getPixelWriter();
        for (int r = 0; r < k; r++) for (int c = 0; c < k; c++) pixels.setColor(c, r, Diverging.at(d.delta(r, c) / scale));
        g.setImageSmoothing(false);
        g.drawImage(cells, layout.left(), layout.top(), k * s, k * s);
        for (int r = 0; r < k && values; r++) {
            for (int c = 0; c < k; c++) {
                double v = d.delta(r, c);
                double t = v / scale;
                double x = layout.left() + c * s, y = layout.top() + r * s;
                if (Double.isFinite(v) && Math.abs(v) >= 0.005) {
                    g.setFill(Diverging.textOn(t));
                    g.fillText(String.format(Locale.ROOT, "%+.2f", v).replaceFirst("([+-])0\\.", "$1."), x + s / 2, y + s / 2);
                }
            }
        }
        if (s >= 5) { // the diagonal, where blue means a class recognised more often
            g.setStroke(Color.web("#263238"));
            g.setLineWidth(1);
            for (int c = 0; c < k; c++) g.strokeRect(layout.left() + c * s + 0.5, layout.top() + c * s + 0.5, s - 1, s - 1);
        }
        if (hoverRow >= 0) {
            g.setStroke(Color.web("#ff6f3c"));
            g.setLineWidth(2);
            g.strokeRect(layout.left() + hoverCol * s, layout.top() + hoverRow * s, s, s);
        }
    }

    private void drawLegend(GraphicsContext g, double scale, double x, double y, double height) {
        double barW = 16;
        if (legendBar == null) {
            legendBar = new WritableImage(1, 256);
            for (int i = 0; i < 256; i++) legendBar.getPixelWriter().setColor(0, i, Diverging.at(1 - 2 * i / 255.0));
        }
        g.setImageSmoothing(true);
        g.drawImage(legendBar, x, y, barW, height);
        g.setStroke(Color.web("#90a4ae"));
        g.setLineWidth(1);
        g.strokeRect(x, y, barW, height);
        g.setFill(Color.web("#37474f"));
        g.setFont(Font.font("System", 12));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(String.format(Locale.ROOT, "+%.2f", scale), x + barW + 4, y + 6);
        g.fillText("more", x + barW + 4, y + 22);
        g.fillText("0", x + barW + 4, y + height / 2);
        g.fillText("fewer", x + barW + 4, y + height - 22);
        g.fillText(String.format(Locale.ROOT, "−%.2f", scale), x + barW + 4, y + height - 6);
    }

    public ObjectProperty<ConfusionDifference> differenceProperty() { return difference; }
    public ObjectProperty<List<String>> classNamesProperty() { return classNames; }
    /** How the hover text names the two runs, e.g. "baseline → improved". */
    public StringProperty runNamesProperty() { return runNames; }
    public ReadOnlyStringProperty hoverTextProperty() { return hoverText.getReadOnlyProperty(); }
    /** The canvas of the cells, which takes the pointer; the class labels lie on a canvas under it. */
    public Canvas canvas() { return canvas; }
}
