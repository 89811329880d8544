package io.counterweight.app.chart;

import io.counterweight.core.metrics.ConfusionMatrix;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableDoubleProperty;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableDoubleProperty;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.PaintConverter;
import javafx.css.converter.SizeConverter;
import javafx.scene.AccessibleRole;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Paint;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/**
 * A confusion matrix drawn on two canvases: rows = true class, columns = predicted class, viridis
 * colours with a legend, class labels (thinned when cells get small), the value in each cell when
 * it fits, and the exact count on hover. A canvas of cells (one scaled image) over one of labels keeps a 50×50
 * matrix fast where 2,500 nodes would not be.
 *
 * <p>A cell is activated by a click, or by Enter on the keyboard cursor (arrow keys move it); the
 * {@link #setOnCellActivated handler} hears (true class, predicted class), e.g. to show the cell's images.
 * The cursor's cell is the node's accessible text, so a screen reader reads "true cat, predicted dog:
 * 12 images, 24% of cat". CSS sets the label colour ({@code -cw-label-color}) and the label size
 * ({@code -cw-font-scale}) for the dark theme and presenter mode.
 */
public final class ConfusionHeatmap extends Region {
    private static final double LEGEND_WIDTH = 64;
    private static final double GAP = 8;
    private static final Color HIGHLIGHT = Color.web("#ff6f3c");
    private static final Color LEGEND_FRAME = Color.web("#90a4ae");

    private final Canvas canvas = new Canvas();
    private final HeatmapLabels labels = new HeatmapLabels();
    private final ObjectProperty<ConfusionMatrix> matrix = new SimpleObjectProperty<>(this, "matrix");
    private final ObjectProperty<List<String>> classNames = new SimpleObjectProperty<>(this, "classNames", List.of());
    private final BooleanProperty normalised = new SimpleBooleanProperty(this, "normalised", false);
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");
    private final Tooltip tooltip = new Tooltip();
    private HeatmapLayout layout;
    private WritableImage cells;
    private WritableImage legendBar;
    private int hoverRow = -1, hoverCol = -1;
    private int cursorRow = -1, cursorCol = -1;
    private CellHandler onCellActivated;

    /** Hears an activated cell: clicked, or Enter on the keyboard cursor. */
    @FunctionalInterface
    public interface CellHandler {
        void cellActivated(int trueClass, int predictedClass);
    }

    private final StyleableObjectProperty<Paint> labelColor =
            new SimpleStyleableObjectProperty<>(LABEL_COLOR, this, "labelColor", Color.web("#37474f"));
    private final StyleableDoubleProperty fontScale = new SimpleStyleableDoubleProperty(FONT_SCALE, this, "fontScale", 1.0);

    public ConfusionHeatmap() {
        getStyleClass().add("heatmap");
        getChildren().addAll(labels.canvas(), canvas);
        matrix.addListener(x -> redraw());
        classNames.addListener(x -> redraw());
        normalised.addListener(x -> redraw());
        tooltip.setShowDelay(Duration.millis(80));
        tooltip.setHideDelay(Duration.ZERO);
        Tooltip.install(canvas, tooltip);
        canvas.setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        canvas.setOnMouseExited(e -> hover(-1, -1));
        canvas.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) click(e.getX(), e.getY());
        });
        setFocusTraversable(true);
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        focusedProperty().addListener(x -> redraw());
        matrix.addListener(x -> { clampCursor(); describeCursor(); });
        classNames.addListener(x -> describeCursor());
        labelColor.addListener(x -> redraw());
        fontScale.addListener(x -> redraw());
        setAccessibleRole(AccessibleRole.TEXT);
        setAccessibleRoleDescription("confusion matrix");
        setAccessibleHelp("Arrow keys move between cells; Enter shows the images of a cell");
        describeCursor();
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

    /** The value shown in cell (true, predicted): a count, or the row fraction when normalised. */
    public double displayedValue(int truth, int predicted) {
        ConfusionMatrix m = matrix.get();
        if (!normalised.get()) return m.get(truth, predicted);
        long support = m.support(truth);
        return support == 0 ? 0 : (double) m.get(truth, predicted) / support;
    }

    /** Text for one cell, as shown on hover. */
    public String describe(int truth, int predicted) {
        ConfusionMatrix m = matrix.get();
        long support = m.support(truth);
        double share = support == 0 ? 0 : 100.0 * m.get(truth, predicted) / support;
        return String.format(Locale.ROOT, "true: %s\npredicted: %s\n%,d of %,d images (%.1f %%)",
                name(truth), name(predicted), m.get(truth, predicted), support, share);
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

    /** The centre of cell (true, predicted) in canvas coordinates, or null before the matrix is drawn. */
    public javafx.geometry.Point2D cellCenter(int truth, int predicted) {
        if (layout == null) return null;
        return new javafx.geometry.Point2D(layout.left() + (predicted + 0.5) * layout.cell(), layout.top() + (truth + 0.5) * layout.cell());
    }

    /** Simulates a click at canvas coordinates: the cell under it becomes the cursor and is activated. */
    public void click(double x, double y) {
        int[] cell = layout == null ? null : layout.cellAt(x, y);
        if (cell == null) return;
        requestFocus();
        moveCursor(cell[0], cell[1]);
        activate();
    }

    private void key(KeyEvent e) {
        ConfusionMatrix m = matrix.get();
        if (m == null) return;
        int r = Math.max(cursorRow, 0), c = Math.max(cursorCol, 0);
        boolean fresh = cursorRow < 0;
        switch (e.getCode()) {
            case UP -> r = fresh ? r : r - 1;
            case DOWN -> r = fresh ? r : r + 1;
            case LEFT -> c = fresh ? c : c - 1;
            case RIGHT -> c = fresh ? c : c + 1;
            case HOME -> c = 0;
            case END -> c = m.numClasses() - 1;
            case ENTER, SPACE -> {
                if (!fresh) activate();
                e.consume();
                return;
            }
            default -> { return; }
        }
        moveCursor(Math.floorMod(r, m.numClasses()), Math.floorMod(c, m.numClasses()));
        e.consume();
    }

    /** Puts the keyboard cursor on cell (true, predicted) and announces it. */
    public void moveCursor(int truth, int predicted) {
        cursorRow = truth;
        cursorCol = predicted;
        clampCursor();
        describeCursor();
        redraw();
    }

    private void clampCursor() {
        ConfusionMatrix m = matrix.get();
        if (m == null || cursorRow < 0) return;
        cursorRow = Math.min(cursorRow, m.numClasses() - 1);
        cursorCol = Math.min(cursorCol, m.numClasses() - 1);
    }

    private void activate() {
        if (onCellActivated != null && matrix.get() != null && cursorRow >= 0) onCellActivated.cellActivated(cursorRow, cursorCol);
    }

    private void describeCursor() {
        ConfusionMatrix m = matrix.get();
        if (m == null) setAccessibleText("confusion matrix, empty");
        else if (cursorRow < 0) setAccessibleText("confusion matrix of " + m.numClasses() + " classes; arrow keys read the cells");
        else setAccessibleText(spoken(cursorRow, cursorCol));
    }

    /** One cell as a sentence: "true cat, predicted dog: 12 images, 24% of cat". */
    public String spoken(int truth, int predicted) {
        ConfusionMatrix m = matrix.get();
        long n = m.get(truth, predicted), support = m.support(truth);
        double share = support == 0 ? 0 : 100.0 * n / support;
        String percent = share > 0 && share < 1 ? "under 1%" : String.format(Locale.ROOT, "%.0f%%", share);
        return String.format(Locale.ROOT, "true %s, predicted %s: %,d %s, %s of %s",
                name(truth), name(predicted), n, n == 1 ? "image" : "images", percent, name(truth));
    }

    private String name(int c) {
        List<String> n = classNames.get();
        return c < n.size() ? n.get(c) : Integer.toString(c);
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        ConfusionMatrix m = matrix.get();
        if (m == null || w < 50 || h < 50) {
            layout = null;
            labels.clear();
            return;
        }
        int k = m.numClasses();
        double max = 0;
        for (int r = 0; r < k; r++) for (int c = 0; c < k; c++) max = Math.max(max, displayedValue(r, c));
        if (normalised.get()) max = 1; // a fixed 0–1 scale, so two normalised matrices compare by colour
        layout = HeatmapLayout.fit(k, w - LEGEND_WIDTH - GAP, h, this::name, fontScale.get());
        labels.draw(layout, classNames.get(), labelColor.get(), fontScale.get());
        drawCells(g, m, k, max);
        drawLegend(g, max, layout.left() + k * layout.cell() + GAP, layout.top(), k * layout.cell());
    }

    private void drawCells(GraphicsContext g, ConfusionMatrix m, int k, double max) {
        double s = layout.cell();
        // One pixel per cell, scaled up without smoothing: one drawImage instead of k² fillRects, which the
        // software pipeline (no GPU, e.g. a classroom VM) renders several times faster.
        if (cells == null || (int) cells.getWidth() != k) cells = new WritableImage(k, k);
        PixelWriter pixels = cells.getPixelWriter();
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) pixels.setColor(c, r, Viridis.at(max == 0 ? 0 : displayedValue(r, c) / max));
        }
        g.setImageSmoothing(false);
        g.drawImage(cells, layout.left(), layout.top(), k * s, k * s);
        if (s >= 24) { // values only where they are readable, so a 50×50 matrix draws no text in its cells
            g.setFont(Font.font("System", FontWeight.NORMAL, Math.min(14, s * 0.36)));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            for (int r = 0; r < k; r++) {
                for (int c = 0; c < k; c++) {
                    double v = displayedValue(r, c);
                    g.setFill(Viridis.textOn(max == 0 ? 0 : v / max));
                    g.fillText(format(v), layout.left() + c * s + s / 2, layout.top() + r * s + s / 2);
                }
            }
        }
        if (hoverRow >= 0) {
            g.setStroke(HIGHLIGHT);
            g.setLineWidth(2);
            g.strokeRect(layout.left() + hoverCol * s, layout.top() + hoverRow * s, s, s);
        }
        if (cursorRow >= 0 && isFocused()) {
            g.setStroke(HIGHLIGHT);
            g.setLineWidth(3);
            g.setLineDashes(5, 3);
            g.strokeRect(layout.left() + cursorCol * s + 1.5, layout.top() + cursorRow * s + 1.5, s - 3, s - 3);
            g.setLineDashes((double[]) null);
        }
    }

    private String format(double v) {
        if (!normalised.get()) return String.format(Locale.ROOT, "%,d", (long) v);
        return v == 0 ? "0" : String.format(Locale.ROOT, "%.2f", v).replaceFirst("^0\\.", ".");
    }

    private void drawLegend(GraphicsContext g, double max, double x, double y, double height) {
        double barW = 16;
        if (legendBar == null) { // one image scaled to the bar instead of a rectangle per pixel row
            legendBar = new WritableImage(1, 256);
            for (int i = 0; i < 256; i++) legendBar.getPixelWriter().setColor(0, i, Viridis.at(1 - i / 255.0));
        }
        g.setImageSmoothing(true);
        g.drawImage(legendBar, x, y, barW, height);
        g.setStroke(LEGEND_FRAME);
        g.setLineWidth(1);
        g.strokeRect(x, y, barW, height);
        g.setFill(labelColor.get());
        g.setFont(Font.font("System", 12 * fontScale.get()));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(format(max), x + barW + 4, y + 6);
        g.fillText(format(max / 2), x + barW + 4, y + height / 2);
        g.fillText("0", x + barW + 4, y + height - 6);
    }

    /** {@code handler} hears each activated cell (null: none); the hook for a drill-down into the cell's images. */
    public void setOnCellActivated(CellHandler handler) { this.onCellActivated = handler; }
    public CellHandler getOnCellActivated() { return onCellActivated; }
    /** The keyboard cursor's cell as {true, predicted}, or null before the first arrow key or click. */
    public int[] cursor() { return cursorRow < 0 ? null : new int[] {cursorRow, cursorCol}; }

    private static final CssMetaData<ConfusionHeatmap, Paint> LABEL_COLOR =
            new CssMetaData<>("-cw-label-color", PaintConverter.getInstance(), Color.web("#37474f")) {
                @Override public boolean isSettable(ConfusionHeatmap h) { return !h.labelColor.isBound(); }
                @Override public StyleableProperty<Paint> getStyleableProperty(ConfusionHeatmap h) { return h.labelColor; }
            };
    private static final CssMetaData<ConfusionHeatmap, Number> FONT_SCALE =
            new CssMetaData<>("-cw-font-scale", SizeConverter.getInstance(), 1.0) {
                @Override public boolean isSettable(ConfusionHeatmap h) { return !h.fontScale.isBound(); }
                @Override public StyleableProperty<Number> getStyleableProperty(ConfusionHeatmap h) { return h.fontScale; }
            };
    private static final List<CssMetaData<? extends Styleable, ?>> CSS;
    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Region.getClassCssMetaData());
        all.add(LABEL_COLOR);
        all.add(FONT_SCALE);
        CSS = Collections.unmodifiableList(all);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() { return CSS; }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() { return CSS; }

    public ObjectProperty<Paint> labelColorProperty() { return labelColor; }
    public DoubleProperty fontScaleProperty() { return fontScale; }
    public ObjectProperty<ConfusionMatrix> matrixProperty() { return matrix; }
    public ObjectProperty<List<String>> classNamesProperty() { return classNames; }
    public BooleanProperty normalisedProperty() { return normalised; }
    public ReadOnlyStringProperty hoverTextProperty() { return hoverText.getReadOnlyProperty(); }
    /** The canvas of the cells, which takes the pointer; the class labels lie on a canvas under it. */
    public Canvas canvas() { return canvas; }
}
