package io.counterweight.core.report;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * A per-epoch line chart: one colour per run, one line style per quantity (train/test loss, or
 * accuracy/macro-F1/balanced accuracy), a legend below the plot for both. Points carry markers so a
 * one-epoch run is a visible dot, and a missing value (NaN) breaks the line instead of faking one.
 */
final class LineChart {
    static final int WIDTH = 630;
    static final int LEFT = 64, RIGHT = 24, TOP = 40, PLOT_HEIGHT = 300;
    private static final int LEGEND_ROW = 20;

    /** One line: run {@code run} (its colour) drawn in style {@code style}; x are epochs. */
    record Series(int run, int style, double[] x, double[] y) { }

    private LineChart() { }

    /**
     * @param runs    run names, in colour order
     * @param styles  names of the line styles (solid, dashed, dotted), e.g. "train loss", "test loss"
     * @param percent y is a fraction in [0, 1] shown as 0–100 %; otherwise the axis starts at 0 and fits the data
     */
    static ChartImage draw(String title, String yLabel, boolean percent, List<String> runs, List<String> styles,
                           List<Series> series, int scale) {
        FontMetrics small = Canvas.metrics(Canvas.font(12, false));
        int legendRows = Legend.rows(runs, styles, small, WIDTH - LEFT - RIGHT);
        int height = TOP + PLOT_HEIGHT + 50 + legendRows * LEGEND_ROW + 8;
        BufferedImage img = Canvas.image(WIDTH, height, scale);
        Graphics2D g = Canvas.graphics(img, scale);
        int pw = WIDTH - LEFT - RIGHT;

        g.setColor(Canvas.AXIS);
        g.setFont(Canvas.font(15, true));
        g.drawString(title, LEFT, 24);

        double maxEpoch = 1, maxY = 0, minY = 0;
        boolean any = false;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (!Double.isFinite(s.y()[i])) continue;
                any = true;
                maxEpoch = Math.max(maxEpoch, s.x()[i]);
                maxY = Math.max(maxY, s.y()[i]);
                minY = Math.min(minY, s.y()[i]);
            }
        }
        Ticks xt = Ticks.of(1, Math.max(2, maxEpoch), (int) Math.min(10, Math.max(1, maxEpoch - 1)), true);
        Ticks yt = percent ? new Ticks(0, 1, 0.2) : Ticks.of(minY, maxY, 5, false);
        Axes.draw(g, LEFT, TOP, pw, PLOT_HEIGHT, xt, yt, percent, "epoch", yLabel);

        if (!any) {
            g.setColor(Color.GRAY);
            g.setFont(Canvas.font(13, false));
            String msg = "no completed epoch yet";
            g.drawString(msg, LEFT + (pw - g.getFontMetrics().stringWidth(msg)) / 2f, TOP + PLOT_HEIGHT / 2f);
        }
        java.awt.Shape clip = g.getClip();
        g.clipRect(LEFT - 4, TOP - 4, pw + 8, PLOT_HEIGHT + 8);
        for (Series s : series) line(g, s, xt, yt, pw);
        g.setClip(clip);

        Legend.draw(g, runs, styles, LEFT, TOP + PLOT_HEIGHT + 50, pw, LEGEND_ROW);
        g.dispose();
        return Canvas.png(img, WIDTH, height, scale);
    }

    private static void line(Graphics2D g, Series s, Ticks xt, Ticks yt, int pw) {
        Color c = Canvas.runColour(s.run());
        Path2D.Double path = new Path2D.Double();
        boolean open = false;
        boolean markers = s.x().length <= 40;
        g.setColor(c);
        for (int i = 0; i < s.x().length; i++) {
            if (!Double.isFinite(s.y()[i])) {
                open = false;
                continue;
            }
            double px = LEFT + (s.x()[i] - xt.lo()) / (xt.hi() - xt.lo()) * pw;
            double py = TOP + PLOT_HEIGHT - (s.y()[i] - yt.lo()) / (yt.hi() - yt.lo()) * PLOT_HEIGHT;
            if (open) path.lineTo(px, py); else path.moveTo(px, py);
            open = true;
            if (markers) g.fill(new Ellipse2D.Double(px - 2.75, py - 2.75, 5.5, 5.5));
        }
        g.setStroke(Canvas.line(s.style(), 2.2f));
        g.draw(path);
    }

    /** The plot frame, grid, ticks and axis titles. */
    static final class Axes {
        private Axes() { }

        static void draw(Graphics2D g, int x, int y, int w, int h, Ticks xt, Ticks yt, boolean percent,
                         String xLabel, String yLabel) {
            g.setFont(Canvas.font(12, false));
            FontMetrics fm = g.getFontMetrics();
            g.setStroke(new java.awt.BasicStroke(1f));
            for (double v : yt.values()) {
                double py = y + h - (v - yt.lo()) / (yt.hi() - yt.lo()) * h;
                g.setColor(Canvas.GRID);
                g.draw(new Line2D.Double(x, py, x + w, py));
                g.setColor(Canvas.AXIS);
                String label = percent ? String.format(Locale.ROOT, "%.0f%%", 100 * v) : number(v, yt.step());
                g.drawString(label, x - 6f - fm.stringWidth(label), (float) py + fm.getAscent() / 2f - 1);
            }
            for (double v : xt.values()) {
                double px = x + (v - xt.lo()) / (xt.hi() - xt.lo()) * w;
                g.setColor(Canvas.AXIS);
                g.draw(new Line2D.Double(px, y + h, px, y + h + 4));
                String label = String.valueOf((long) v);
                g.drawString(label, (float) px - fm.stringWidth(label) / 2f, y + h + 6f + fm.getAscent());
            }
            g.setColor(Canvas.AXIS);
            g.drawRect(x, y, w, h);
            g.drawString(xLabel, x + (w - fm.stringWidth(xLabel)) / 2f, y + h + 36f);
            AffineTransform saved = g.getTransform();
            g.rotate(-Math.PI / 2);
            g.drawString(yLabel, -(y + (h + fm.stringWidth(yLabel)) / 2f), x - 48f);
            g.setTransform(saved);
        }

        static String number(double v, double step) {
            int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
            return String.format(Locale.ROOT, "%." + decimals + "f", v);
        }
    }
}
