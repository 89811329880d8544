package io.counterweight.core.report;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The line charts' legend: first each run as a solid line in its colour, then each line style in grey.
 * Entries flow left to right and wrap, so a comparison of many runs grows the image downwards instead of
 * covering the plot. Long run names are shortened with "…".
 */
final class Legend {
    private static final int SAMPLE = 30, GAP = 20, MAX_NAME = 300;

    private Legend() { }

    private record Entry(String text, Color colour, int style) { }

    private static List<Entry> entries(List<String> runs, List<String> styles, FontMetrics fm) {
        List<Entry> e = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) e.add(new Entry(Canvas.fit(runs.get(i), fm, MAX_NAME), Canvas.runColour(i), 0));
        if (styles.size() > 1) for (int i = 0; i < styles.size(); i++) e.add(new Entry(styles.get(i), Color.GRAY, i));
        return e;
    }

    static int rows(List<String> runs, List<String> styles, FontMetrics fm, int width) {
        return layout(entries(runs, styles, fm), fm, width, null, 0, 0, 0);
    }

    static void draw(Graphics2D g, List<String> runs, List<String> styles, int x, int y, int width, int rowHeight) {
        g.setFont(Canvas.font(12, false));
        FontMetrics fm = g.getFontMetrics();
        layout(entries(runs, styles, fm), fm, width, g, x, y, rowHeight);
    }

    /** Places the entries (drawing them when {@code g} is given) and returns the number of rows used. */
    private static int layout(List<Entry> entries, FontMetrics fm, int width, Graphics2D g, int x0, int y0, int rowHeight) {
        int rows = entries.isEmpty() ? 0 : 1, cx = 0;
        for (Entry e : entries) {
            int w = SAMPLE + 6 + fm.stringWidth(e.text());
            if (cx > 0 && cx + w > width) {
                rows++;
                cx = 0;
            }
            if (g != null) {
                float mid = y0 + (rows - 1) * rowHeight + rowHeight / 2f;
                g.setColor(e.colour());
                g.setStroke(Canvas.line(e.style(), 2.2f));
                g.draw(new Line2D.Float(x0 + cx, mid, x0 + cx + SAMPLE, mid));
                g.setColor(Canvas.AXIS);
                g.drawString(e.text(), x0 + cx + SAMPLE + 6f, mid + fm.getAscent() / 2f - 2);
            }
            cx += w + GAP;
        }
        return rows;
    }
}
