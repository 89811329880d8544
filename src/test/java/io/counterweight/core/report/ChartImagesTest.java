package io.counterweight.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PNG charts of real runs: their size at 1× and 2×, the runs' colours drawn, a 50-class heatmap that fits. */
class ChartImagesTest {
    @TempDir static Path out;
    static List<ReportedRun> runs;

    @BeforeAll
    static void train() {
        runs = ReportedRun.loadAll(ReportFixture.twoRuns(out));
    }

    static BufferedImage decode(ChartImage c) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(c.png()));
        assertEquals(c.width() * c.scale(), img.getWidth());
        assertEquals(c.height() * c.scale(), img.getHeight());
        return img;
    }

    static int count(BufferedImage img, Color c) {
        return count(img, c, 0, 0, img.getWidth(), img.getHeight());
    }

    static int count(BufferedImage img, Color c, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) if (near(img.getRGB(x, y), c.getRGB())) n++;
        return n;
    }

    /** The same colour up to antialiasing's blending (channels within 40 in sum). */
    static boolean near(int a, int b) {
        return Math.abs((a >> 16 & 255) - (b >> 16 & 255)) + Math.abs((a >> 8 & 255) - (b >> 8 & 255)) + Math.abs((a & 255) - (b & 255)) <= 40;
    }

    /** Pixels of colour {@code c} inside the plot frame of a 1x line chart (the legend excluded). */
    static int inPlot(BufferedImage img, Color c) {
        return count(img, c, LineChart.LEFT, LineChart.TOP, LineChart.WIDTH - LineChart.RIGHT, LineChart.TOP + LineChart.PLOT_HEIGHT);
    }

    @Test
    void curvesHaveTheirLogicalSizeTimesTheScaleAndALineInEachRunsColour() throws IOException {
        for (int scale : new int[] {1, 2}) {
            for (ChartImage c : List.of(ChartImages.loss(runs, scale), ChartImages.metrics(runs, scale))) {
                assertEquals(LineChart.WIDTH, c.width());
                BufferedImage img = decode(c);
                assertTrue(count(img, Canvas.runColour(0)) > 100 * scale, "baseline drawn");
                assertTrue(count(img, Canvas.runColour(1)) > 100 * scale, "improved drawn");
            }
        }
        assertEquals(ChartImages.loss(runs, 1).height(), ChartImages.loss(runs, 2).height(), "same layout at 2x");
    }

    @Test
    void aRunWithoutEpochsGivesAnEmptyChartAndNoHeatmap() throws IOException {
        Path dir = out.resolve("half");
        Files.createDirectories(dir);
        Files.copy(runs.get(0).summary().runDir().resolve("config.json"), dir.resolve("config.json"));
        ReportedRun empty = ReportedRun.load(dir);
        BufferedImage img = decode(ChartImages.loss(List.of(empty), 1));
        assertEquals(0, inPlot(img, Canvas.runColour(0)), "no line");
        assertTrue(inPlot(decode(ChartImages.loss(runs.subList(0, 1), 1)), Canvas.runColour(0)) > 20, "where a run has one");
        assertNull(ChartImages.confusion(empty, true, 1));
    }

    @Test
    void theHeatmapOfARunHasTheViridisTopWhereAClassIsAlwaysRight() throws IOException {
        ChartImage c = ChartImages.confusion(runs.get(1), false, 2);
        BufferedImage img = decode(c);
        assertTrue(count(img, Viridis.at(1)) > 0, "the largest count is drawn in the top colour");
    }

    @Test
    void fiftyClassesWithLongNamesStillFitAndEveryDiagonalCellIsDrawn() throws IOException {
        int k = 50;
        long[][] counts = new long[k][k];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            counts[i][i] = 10;
            names.add("a rather long class name number " + i);
        }
        ChartImage c = Heatmap.draw("fifty", names, counts, true, 1);
        assertTrue(c.width() < 900 && c.height() < 900, c.width() + "x" + c.height());
        BufferedImage img = decode(c);
        assertTrue(count(img, Viridis.at(1)) >= k * 10 * 10, "every diagonal cell (at least 10x10 px) is full yellow");
    }

    @Test
    void normalisingDividesEachRowByItsSupportAndLeavesEmptyRowsUndefined() {
        double[][] v = Heatmap.values(new long[][] {{3, 1}, {0, 0}}, true);
        assertEquals(0.75, v[0][0]);
        assertEquals(0.25, v[0][1]);
        assertTrue(Double.isNaN(v[1][0]));
    }

    @Test
    void ticksAreNiceAndCoverTheData() {
        Ticks t = Ticks.of(0, 1.987, 5, false);
        assertEquals(0.5, t.step());
        assertEquals(2.0, t.hi());
        assertEquals(List.of(1.0, 2.0, 3.0), Ticks.of(1, 3, 2, true).values());
    }
}
