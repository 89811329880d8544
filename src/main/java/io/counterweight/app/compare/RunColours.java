package io.counterweight.app.compare;

import javafx.scene.paint.Color;

/**
 * One colour per compared run, by its place in the comparison, the same in every chart, the legend and
 * the table headers: the Okabe–Ito palette, told apart with the common colour-vision deficiencies.
 */
public final class RunColours {
    private static final String[] HEX = {"#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#f0e442"};

    private RunColours() { }

    /** "#0072b2" for the first run (the reference), "#d55e00" for the second, …; repeats after eight. */
    public static String hex(int run) {
        return HEX[Math.floorMod(run, HEX.length)];
    }

    public static Color of(int run) {
        return Color.web(hex(run));
    }
}
