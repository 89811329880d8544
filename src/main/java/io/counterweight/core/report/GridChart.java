package io.counterweight.core.report;

import io.counterweight.core.experiment.grid.GridCell;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Row;

/**
 * One metric of a grid's summary as grouped bars: a group per imbalance ratio, a bar per remedy in its
 * colour, the bar at the mean over seeds and a whisker of ± one sample standard deviation (none when
 * fewer than two seeds finished). The y axis is the metric's full range, 0 to 1, so charts compare.
 */
public final class GridChart {
    private static final int LEFT = 64, RIGHT = 24, TOP = 40, PLOT_HEIGHT = 280, MIN_WIDTH = 520, BAR = 26, GAP = 28;
    private static final int LEGEND_ROW = 20;

    private GridChart() { }

    /** @param metric one of {@link GridTable#METRICS}; {@code label} its name on the axis */
    public static ChartImage draw(GridTable table, String metric, String label, int scale) {
        List<String> remedies = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (Row r : table.summary()) {
            if (!remedies.contains(r.getString("remedy"))) remedies.add(r.getString("remedy"));
            if (!ratios.contains(r.getDouble("imbalance"))) ratios.add(r.getDouble("imbalance"));
        }
        // bars fill a minimum-width plot when there are few, and keep BAR pixels when many
        int bar = Math.max(BAR, Math.min(64, ((MIN_WIDTH - LEFT - RIGHT) / Math.max(1, ratios.size()) - GAP) / Math.max(1, remedies.size())));
        int groupWidth = Math.max(1, remedies.size()) * bar + GAP;
        int width = Math.max(MIN_WIDTH, LEFT + RIGHT + ratios.size() * groupWidth + GAP);
        int pw = width - LEFT - RIGHT;
        FontMetrics small = Canvas.metrics(Canvas.font(12, false));
        int legendRows = Legend.rows(remedies, List.of(), small, pw);
        int height = TOP + PLOT_HEIGHT + 34 + legendRows * LEGEND_ROW + 8;
        BufferedImage img = Canvas.image(width, height, scale);
        Graphics2D g = Canvas.graphics(img, scale);
        g.setColor(Canvas.AXIS);
        g.setFont(Canvas.font(15, true));
        g.drawString(label + ": mean ± std over seeds", LEFT, 24);

        g.setFont(Canvas.font(12, false));
        FontMetrics fm = g.getFontMetrics();
        Ticks yt = new Ticks(0, 1, 0.2);
        for (double v : yt.values()) {
            double py = y(v);
            g.setColor(Canvas.GRID);
            g.draw(new Line2D.Double(LEFT, py, LEFT + pw, py));
            g.setColor(Canvas.AXIS);
            String text = String.format(Locale.ROOT, "%.1f", v);
            g.drawString(text, LEFT - 6f - fm.stringWidth(text), (float) py + fm.getAscent() / 2f - 1);
        }
        double offset = LEFT + (pw - ratios.size() * groupWidth) / 2.0 + GAP / 2.0;
        for (int i = 0; i < ratios.size(); i++) {
            double gx = offset + i * groupWidth;
            for (Row r : table.summary()) {
                if (r.getDouble("imbalance") != ratios.get(i)) continue;
                int k = remedies.indexOf(r.getString("remedy"));
                double mean = r.getDouble(metric + "_mean"), std = r.getDouble(metric + "_std");
                if (!Double.isFinite(mean)) continue;
                double bx = gx + k * bar + 2;
                g.setColor(Canvas.runColour(k));
                g.fill(new Rectangle2D.Double(bx, y(mean), bar - 4, y(0) - y(mean)));
                if (Double.isFinite(std) && std > 0) {
                    double cx = bx + (bar - 4) / 2.0;
                    g.setColor(Color.BLACK);
                    g.setStroke(new java.awt.BasicStroke(1.4f));
                    double hi = y(Math.min(1, mean + std)), lo = y(Math.max(0, mean - std));
                    g.draw(new Line2D.Double(cx, hi, cx, lo));
                    g.draw(new Line2D.Double(cx - 5, hi, cx + 5, hi));
                    g.draw(new Line2D.Double(cx - 5, lo, cx + 5, lo));
                }
            }
            g.setColor(Canvas.AXIS);
            String text = "u = " + GridCell.ratio(ratios.get(i));
            g.drawString(text, (float) (gx + (groupWidth - GAP) / 2.0 - fm.stringWidth(text) / 2.0), TOP + PLOT_HEIGHT + 6f + fm.getAscent());
        }
        g.setColor(Canvas.AXIS);
        g.setStroke(new java.awt.BasicStroke(1f));
        g.drawRect(LEFT, TOP, pw, PLOT_HEIGHT);
        Legend.draw(g, remedies, List.of(), LEFT, TOP + PLOT_HEIGHT + 34, pw, LEGEND_ROW);
        g.dispose();
        return Canvas.png(img, width, height, scale);
    }

    private static double y(double v) {
        return TOP + PLOT_HEIGHT - v * PLOT_HEIGHT;
    }
}
