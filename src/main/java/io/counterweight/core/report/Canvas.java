package io.counterweight.core.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * What every exported chart shares: an antialiased Java2D surface drawn in logical pixels and scaled,
 * the fonts, the run colours and the line styles, and the PNG encoding. Keeping these in one place makes
 * the loss chart, the metrics chart and the heatmaps of one report look like one family.
 */
final class Canvas {
    /** Okabe–Ito colours (safe for colour-blind readers), the i-th run always gets the i-th. */
    private static final Color[] RUNS = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0x999999)
    };
    static final Color AXIS = new Color(0x333333);
    static final Color GRID = new Color(0xE3E3E3);
    static final String FONT = Font.SANS_SERIF;

    private Canvas() { }

    static Color runColour(int index) {
        return RUNS[index % RUNS.length];
    }

    /** Solid, dashed, dotted: how a chart tells apart the series of one run. */
    static Stroke line(int style, float width) {
        return switch (style % 3) {
            case 0 -> new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
            case 1 -> new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {7, 4}, 0);
            default -> new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10, new float[] {0.5f, 4}, 0);
        };
    }

    static Font font(float size, boolean bold) {
        return new Font(FONT, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont(size);
    }

    /** A white image of {@code width × height} logical pixels times {@code scale}, ready to draw on. */
    static BufferedImage image(int width, int height, int scale) {
        return new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
    }

    static Graphics2D graphics(BufferedImage img, int scale) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.scale(scale, scale);
        return g;
    }

    /** Font metrics before an image exists (to size the image from its labels). */
    static FontMetrics metrics(Font f) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        FontMetrics fm = g.getFontMetrics(f);
        g.dispose();
        return fm;
    }

    /** {@code text}, shortened with "…" until it fits {@code maxWidth}. */
    static String fit(String text, FontMetrics fm, int maxWidth) {
        if (fm.stringWidth(text) <= maxWidth) return text;
        String s = text;
        while (s.length() > 1 && fm.stringWidth(s + "…") > maxWidth) s = s.substring(0, s.length() - 1);
        return s + "…";
    }

    static ChartImage png(BufferedImage img, int width, int height, int scale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen short of a broken JDK
        }
        return new ChartImage(out.toByteArray(), width, height, scale);
    }
}
