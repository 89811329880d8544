package io.counterweight.app.chart;

import java.util.function.IntFunction;

/**
 * Geometry of the heatmap: square cells as large as the space allows after room for the labels,
 * and how many labels to skip so they never overlap (every label at 10 classes, every 5th at 50 on
 * a small window). Pure arithmetic, testable without a screen.
 */
record HeatmapLayout(int classes, double left, double top, double cell, int labelStep, double fontSize,
                     IntFunction<String> names) {
    static final double MIN_LABEL_PX = 11;
    static final int MAX_LABEL_CHARS = 14;

    static HeatmapLayout fit(int k, double width, double height, IntFunction<String> names) {
        return fit(k, width, height, names, 1);
    }

    /** @param fontScale label size relative to the normal 12 px (presenter mode enlarges it) */
    static HeatmapLayout fit(int k, double width, double height, IntFunction<String> names, double fontScale) {
        int longest = 1;
        for (int c = 0; c < k; c++) longest = Math.max(longest, Math.min(MAX_LABEL_CHARS, names.apply(c).length()));
        double font = 12 * fontScale;
        double labelRoom = 28 + longest * font * 0.58;
        double cell = Math.max(2, Math.min((width - labelRoom) / k, (height - labelRoom * 0.87 - 24) / k));
        int step = (int) Math.ceil(MIN_LABEL_PX * fontScale / cell);
        return new HeatmapLayout(k, labelRoom, 4, cell, Math.max(1, step), font, names);
    }

    /** (row, column) under the point, or null outside the matrix. */
    int[] cellAt(double x, double y) {
        int c = (int) Math.floor((x - left) / cell);
        int r = (int) Math.floor((y - top) / cell);
        if (x < left || y < top || r >= classes || c >= classes) return null;
        return new int[] {r, c};
    }

    String shortName(int c) {
        String n = names.apply(c);
        return n.length() <= MAX_LABEL_CHARS ? n : n.substring(0, MAX_LABEL_CHARS - 1) + "…";
    }
}
