package io.counterweight.core.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * A confusion matrix as a viridis heatmap: true class down, predicted class across, a colour bar with
 * its scale on the right. Cells shrink with the number of classes (50 classes still fit about 600 px);
 * predicted-class names turn vertical when they do not fit a cell, long names end in "…", and counts are
 * written in the cells only while they are big enough to read. Normalised, each row is divided by its
 * support, so a tail class's recall reads as clearly as a head class's.
 */
final class Heatmap {
    private static final int PAD = 12, TITLE = 34, AXIS_TITLE = 20, BAR = 14, BAR_LABELS = 52, MAX_LABEL = 130;

    private Heatmap() { }

    static ChartImage draw(String title, List<String> names, long[][] counts, boolean normalised, int scale) {
        int k = counts.length;
        int cell = Math.max(10, Math.min(64, 560 / Math.max(1, k)));
        Font labelFont = Canvas.font(Math.max(9f, Math.min(12f, cell - 2f)), false);
        FontMetrics fm = Canvas.metrics(labelFont);
        String[] labels = new String[k];
        int labelWidth = 0;
        for (int i = 0; i < k; i++) {
            labels[i] = Canvas.fit(names.get(i), fm, MAX_LABEL);
            labelWidth = Math.max(labelWidth, fm.stringWidth(labels[i]));
        }
        boolean vertical = labelWidth > cell - 4;
        int colLabels = vertical ? labelWidth + 8 : fm.getHeight() + 6;
        int gridX = PAD + AXIS_TITLE + labelWidth + 8, gridY = TITLE, side = k * cell;
        int titleWidth = Canvas.metrics(Canvas.font(15, true)).stringWidth(title) + 2 * PAD;
        int width = Math.max(gridX + side + 16 + BAR + BAR_LABELS + PAD, Math.min(titleWidth, 900));
        int height = gridY + side + colLabels + AXIS_TITLE + PAD;

        double[][] v = values(counts, normalised);
        double max = 0;
        for (double[] row : v) for (double x : row) if (Double.isFinite(x)) max = Math.max(max, x);
        double top = normalised ? 1 : Math.max(1, max);

        BufferedImage img = Canvas.image(width, height, scale);
        Graphics2D g = Canvas.graphics(img, scale);
        g.setColor(Canvas.AXIS);
        g.setFont(Canvas.font(15, true));
        g.drawString(Canvas.fit(title, g.getFontMetrics(), width - 2 * PAD), PAD, 23);

        boolean writeValues = cell >= 30;
        Font valueFont = Canvas.font(Math.min(12f, cell / 3f), false);
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                double x = v[t][p];
                g.setColor(Double.isFinite(x) ? Viridis.at(x / top) : Color.LIGHT_GRAY);
                g.fillRect(gridX + p * cell, gridY + t * cell, cell, cell);
                if (writeValues && Double.isFinite(x)) {
                    String s = normalised ? String.format(Locale.ROOT, "%.0f", 100 * x) : String.valueOf(counts[t][p]);
                    g.setFont(valueFont);
                    g.setColor(Viridis.textOn(x / top));
                    centre(g, s, gridX + p * cell + cell / 2f, gridY + t * cell + cell / 2f);
                }
            }
        }
        g.setColor(Canvas.AXIS);
        g.drawRect(gridX, gridY, side, side);
        g.setFont(labelFont);
        for (int i = 0; i < k; i++) {
            float mid = i * cell + cell / 2f;
            g.drawString(labels[i], gridX - 6f - fm.stringWidth(labels[i]), gridY + mid + fm.getAscent() / 2f - 1.5f);
            if (vertical) {
                AffineTransform saved = g.getTransform();
                g.translate(gridX + mid + fm.getAscent() / 2f - 1.5f, gridY + side + 6f);
                g.rotate(-Math.PI / 2);
                g.drawString(labels[i], -fm.stringWidth(labels[i]), 0);
                g.setTransform(saved);
            } else {
                g.drawString(labels[i], gridX + mid - fm.stringWidth(labels[i]) / 2f, gridY + side + 4f + fm.getAscent());
            }
        }
        axisTitles(g, gridX, gridY, side, colLabels);
        colourBar(g, gridX + side + 16, gridY, side, top, normalised);
        g.dispose();
        return Canvas.png(img, width, height, scale);
    }

    /** Counts, or fractions of each true class's support (NaN for a class without test images). */
    static double[][] values(long[][] counts, boolean normalised) {
        double[][] v = new double[counts.length][];
        for (int t = 0; t < counts.length; t++) {
            long support = 0;
            for (long c : counts[t]) support += c;
            v[t] = new double[counts[t].length];
            for (int p = 0; p < counts[t].length; p++) {
                v[t][p] = !normalised ? counts[t][p] : support == 0 ? Double.NaN : (double) counts[t][p] / support;
            }
        }
        return v;
    }

    private static void axisTitles(Graphics2D g, int gridX, int gridY, int side, int colLabels) {
        g.setFont(Canvas.font(12, true));
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Canvas.AXIS);
        String across = "predicted class", down = "true class";
        g.drawString(across, gridX + (side - fm.stringWidth(across)) / 2f, gridY + side + colLabels + fm.getAscent());
        AffineTransform saved = g.getTransform();
        g.translate(PAD + fm.getAscent(), gridY + (side + fm.stringWidth(down)) / 2f);
        g.rotate(-Math.PI / 2);
        g.drawString(down, 0, 0);
        g.setTransform(saved);
    }

    private static void colourBar(Graphics2D g, int x, int y, int h, double top, boolean normalised) {
        for (int i = 0; i < h; i++) {
            g.setColor(Viridis.at(1 - (double) i / (h - 1)));
            g.fillRect(x, y + i, BAR, 1);
        }
        g.setColor(Canvas.AXIS);
        g.drawRect(x, y, BAR, h);
        g.setFont(Canvas.font(11, false));
        FontMetrics fm = g.getFontMetrics();
        Ticks t = normalised ? new Ticks(0, 1, 0.25) : Ticks.of(0, top, 4, true);
        List<Double> marks = new java.util.ArrayList<>(t.values());
        marks.removeIf(v -> v > top + 1e-9);
        if (!normalised && marks.get(marks.size() - 1) < 0.85 * top) marks.add(top); // the largest count itself
        for (double v : marks) {
            float py = (float) (y + h - v / top * h);
            g.drawLine(x + BAR, Math.round(py), x + BAR + 3, Math.round(py));
            String s = normalised ? String.format(Locale.ROOT, "%.0f%%", 100 * v) : String.valueOf((long) v);
            g.drawString(s, x + BAR + 6f, py + fm.getAscent() / 2f - 1);
        }
    }

    private static void centre(Graphics2D g, String s, float cx, float cy) {
        FontMetrics fm = g.getFontMetrics();
        Rectangle2D r = fm.getStringBounds(s, g);
        g.drawString(s, cx - (float) r.getWidth() / 2f, cy + fm.getAscent() / 2f - 1.5f);
    }
}
