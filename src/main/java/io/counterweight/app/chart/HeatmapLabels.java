package io.counterweight.app.chart;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * A heatmap's class labels and axis titles, on a canvas of their own under the cells' canvas. They change with
 * the classes, the size and the font, not with the values, so a new matrix (a move of the epoch scrubber) draws
 * no text again: the software pipeline rasterises each rotated label as a shape, which cost more than the cells.
 */
final class HeatmapLabels {
    private final Canvas canvas = new Canvas();
    private Drawn drawn;

    /** What the canvas shows; equal keys draw the same pixels. */
    private record Drawn(int classes, double left, double top, double cell, int step, double font, double width,
                         double height, List<String> names, Paint colour, double scale) { }

    HeatmapLabels() {
        canvas.setMouseTransparent(true); // the cells' canvas on top takes the pointer
    }

    Canvas canvas() { return canvas; }

    void resize(double width, double height) {
        canvas.setWidth(width);
        canvas.setHeight(height);
    }

    void clear() {
        if (drawn == null) return;
        canvas.getGraphicsContext2D().clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        drawn = null;
    }

    /** Draws the labels of {@code layout} unless the canvas shows them already. */
    void draw(HeatmapLayout layout, List<String> names, Paint colour, double fontScale) {
        Drawn key = new Drawn(layout.classes(), layout.left(), layout.top(), layout.cell(), layout.labelStep(), layout.fontSize(),
                canvas.getWidth(), canvas.getHeight(), List.copyOf(names), colour, fontScale);
        if (key.equals(drawn)) return;
        drawn = key;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        int k = layout.classes();
        double s = layout.cell();
        int step = layout.labelStep();
        g.setFill(colour);
        g.setFont(Font.font("System", layout.fontSize()));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (int r = 0; r < k; r += step) g.fillText(layout.shortName(r), layout.left() - 6, layout.top() + r * s + s / 2);
        double bottom = layout.top() + k * s;
        for (int c = 0; c < k; c += step) { // under the matrix, rotated so long names fit
            g.save();
            g.translate(layout.left() + c * s + s / 2, bottom + 6);
            g.rotate(-60);
            g.fillText(layout.shortName(c), 0, 0);
            g.restore();
        }
        g.setFont(Font.font("System", FontWeight.BOLD, 13 * fontScale));
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("predicted class →", layout.left() + k * s / 2, Math.min(canvas.getHeight() - 10, bottom + layout.left() * 0.87 + 6));
        g.save();
        g.translate(12, layout.top() + k * s / 2);
        g.rotate(-90);
        g.fillText("true class →", 0, 0);
        g.restore();
    }
}
