package io.counterweight.app.chart;

import io.counterweight.core.metrics.ClassChange;
import io.counterweight.core.metrics.ClassGroup;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/**
 * Per class, the change of recall and of F1 as a pair of bars around zero, classes in the order given
 * (largest training set first), on shaded head / medium / tail bands, so a remedy that helps the tail at
 * the head's expense reads at a glance. Blue and orange (Okabe–Ito) stay apart for colour-blind eyes.
 */
public final class ClassChangeChart extends Region {
    public static final Color RECALL = Color.web("#0072b2");
    public static final Color F1 = Color.web("#e69f00");
    private static final Color[] BANDS = {Color.web("#eceff1"), Color.web("#f8f9fa"), Color.web("#fff3e0")};
    private static final double LEFT = 52, TOP = 34, BOTTOM = 70, RIGHT = 10;

    private final Canvas canvas = new Canvas();
    private final Canvas background = new Canvas(); // bands, class labels and key: they change with the classes, not the values
    private Background backgroundFor;
    private final ObjectProperty<List<ClassChange>> changes = new SimpleObjectProperty<>(this, "changes", List.of());
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");
    private final Tooltip tooltip = new Tooltip();

    /** What the background canvas shows: its size and each class with its group, in order. */
    private record Background(double width, double height, List<String> classes) { }

    public ClassChangeChart() {
        getStyleClass().add("class-change-chart");
        background.setMouseTransparent(true);
        getChildren().addAll(background, canvas);
        changes.addListener(x -> redraw());
        tooltip.setShowDelay(Duration.millis(80));
        Tooltip.install(canvas, tooltip);
        canvas.setOnMouseMoved(e -> hover(e.getX()));
        setMinSize(240, 200);
        setPrefSize(640, 300);
    }

    @Override
    protected void layoutChildren() {
        double w = Math.max(0, getWidth() - snappedLeftInset() - snappedRightInset());
        double h = Math.max(0, getHeight() - snappedTopInset() - snappedBottomInset());
        canvas.relocate(snappedLeftInset(), snappedTopInset());
        background.relocate(snappedLeftInset(), snappedTopInset());
        if (w == canvas.getWidth() && h == canvas.getHeight()) return; // the property listeners keep the drawing current
        canvas.setWidth(w);
        canvas.setHeight(h);
        background.setWidth(w);
        background.setHeight(h);
        redraw();
    }

    private double slot() {
        int n = changes.get().size();
        return n == 0 ? 0 : (canvas.getWidth() - LEFT - RIGHT) / n;
    }

    /** The class under x, described as on hover. */
    public void hover(double x) {
        List<ClassChange> list = changes.get();
        int i = slot() == 0 ? -1 : (int) Math.floor((x - LEFT) / slot());
        String text = i < 0 || i >= list.size() ? "" : describe(list.get(i));
        hoverText.set(text);
        tooltip.setText(text);
    }

    public static String describe(ClassChange c) {
        return String.format(Locale.ROOT, "%s (%s, %,d training images)\nrecall %+.3f\nF1 %+.3f",
                c.name(), c.group().name().toLowerCase(Locale.ROOT), c.trainCount(), c.recallDelta(), c.f1Delta());
    }

    /** The y scale's end: the largest change rounded up to a tenth, at least 0.1. */
    static double scale(List<ClassChange> list) {
        double max = 0;
        for (ClassChange c : list) {
            if (Double.isFinite(c.recallDelta())) max = Math.max(max, Math.abs(c.recallDelta()));
            if (Double.isFinite(c.f1Delta())) max = Math.max(max, Math.abs(c.f1Delta()));
        }
        return Math.max(0.1, Math.min(1, Math.ceil(max * 10 - 1e-9) / 10));
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        List<ClassChange> list = changes.get();
        if (list.isEmpty() || w < 100 || h < 100) {
            drawBackground(List.of(), w, h);
            return;
        }
        double slot = slot(), plotH = h - TOP - BOTTOM, zero = TOP + plotH / 2, scale = scale(list);
        drawBackground(list, w, h);
        // axis: ticks at ±scale, ±scale/2 and 0
        g.setFont(Font.font("System", 11));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = -2; i <= 2; i++) {
            double y = zero - i / 2.0 * plotH / 2;
            g.setStroke(i == 0 ? Color.web("#455a64") : Color.web("#cfd8dc"));
            g.setLineWidth(i == 0 ? 1.2 : 0.6);
            g.strokeLine(LEFT, y, w - RIGHT, y);
            g.setFill(Color.web("#37474f"));
            g.fillText(String.format(Locale.ROOT, "%+.2f", i / 2.0 * scale).replace("+0.00", "0"), LEFT - 6, y);
        }
        double bar = Math.max(1, slot * 0.36);
        for (int i = 0; i < list.size(); i++) {
            ClassChange c = list.get(i);
            double x = LEFT + i * slot + slot * 0.14;
            drawBar(g, x, bar, zero, plotH / 2 / scale, c.recallDelta(), RECALL);
            drawBar(g, x + bar, bar, zero, plotH / 2 / scale, c.f1Delta(), F1);
        }
    }

    /** Bands, class labels and key, drawn again only when the classes, their groups or the size change. */
    private void drawBackground(List<ClassChange> list, double w, double h) {
        Background key = new Background(w, h, list.stream().map(c -> c.name() + "/" + c.group()).toList());
        if (key.equals(backgroundFor)) return;
        backgroundFor = key;
        GraphicsContext g = background.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (list.isEmpty() || w < 100 || h < 100) return;
        drawBands(g, list, slot(), h - TOP - BOTTOM);
        drawClassLabels(g, list, slot(), h);
        drawKey(g);
    }

    private static void drawBar(GraphicsContext g, double x, double width, double zero, double pxPerUnit, double v, Color colour) {
        if (!Double.isFinite(v)) return;
        double len = Math.max(-1, Math.min(1, v)) * pxPerUnit;
        g.setFill(colour);
        g.fillRect(x, len >= 0 ? zero - len : zero, width, Math.max(1, Math.abs(len)));
    }

    private void drawBands(GraphicsContext g, List<ClassChange> list, double slot, double plotH) {
        int start = 0;
        for (int i = 1; i <= list.size(); i++) {
            if (i < list.size() && list.get(i).group() == list.get(start).group()) continue;
            ClassGroup group = list.get(start).group();
            double x = LEFT + start * slot, width = (i - start) * slot;
            g.setFill(BANDS[group.ordinal()]);
            g.fillRect(x, TOP, width, plotH);
            g.setFill(Color.web("#546e7a"));
            g.setFont(Font.font("System", FontWeight.BOLD, 12));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.BOTTOM);
            String label = width > 90 ? group.label() : group.name().toLowerCase(Locale.ROOT);
            if (width > 30) g.fillText(label, x + width / 2, TOP - 4);
            start = i;
        }
    }

    private static void drawClassLabels(GraphicsContext g, List<ClassChange> list, double slot, double h) {
        int step = (int) Math.max(1, Math.ceil(12 / slot));
        g.setFill(Color.web("#37474f"));
        g.setFont(Font.font("System", 11));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < list.size(); i += step) {
            String name = list.get(i).name();
            if (name.length() > 12) name = name.substring(0, 11) + "…";
            g.save();
            g.translate(LEFT + i * slot + slot / 2, h - BOTTOM + 6);
            g.rotate(-60);
            g.fillText(name, 0, 0);
            g.restore();
        }
    }

    private void drawKey(GraphicsContext g) {
        double x = canvas.getWidth() - RIGHT - 170, y = 4;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(Font.font("System", 12));
        g.setFill(RECALL);
        g.fillRect(x, y + 2, 12, 12);
        g.setFill(Color.web("#37474f"));
        g.fillText("Δ recall", x + 16, y);
        g.setFill(F1);
        g.fillRect(x + 85, y + 2, 12, 12);
        g.setFill(Color.web("#37474f"));
        g.fillText("Δ F1", x + 101, y);
    }

    /** The classes' changes, in the order drawn (largest training set first). */
    public ObjectProperty<List<ClassChange>> changesProperty() { return changes; }
    public ReadOnlyStringProperty hoverTextProperty() { return hoverText.getReadOnlyProperty(); }
    public Canvas canvas() { return canvas; }
}
