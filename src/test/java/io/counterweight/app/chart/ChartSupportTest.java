package io.counterweight.app.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Per-class bars: log mode round-trips the counts, bars are updated in place, tooltips name the class. */
@ExtendWith(ApplicationExtension.class)
class ChartSupportTest {
    private BarChart<String, Number> chart;
    private NumberAxis axis;

    @Start
    void start(Stage stage) {
        axis = new NumberAxis();
        chart = new BarChart<>(new CategoryAxis(), axis);
        chart.setAnimated(false);
        stage.setScene(new Scene(chart, 500, 300));
        stage.show();
    }

    @Test
    void logBarsRoundTripAndUpdateInPlace(FxRobot robot) {
        List<String> names = List.of("cat", "dog", "eel");
        robot.interact(() -> ChartSupport.setBars(chart, axis, names, List.of("n"), List.of(new double[] {500, 10, 1}), true,
                (s, i) -> names.get(i) + " tip"));
        List<XYChart.Data<String, Number>> bars = chart.getData().get(0).getData();
        assertEquals(2 + Math.log10(500), bars.get(0).getYValue().doubleValue(), 1e-12);
        assertEquals(2.0, bars.get(2).getYValue().doubleValue(), 1e-12, "one image still has a visible bar above the axis start 1");
        assertEquals(500, ChartSupport.barValue(bars.get(0), true), 1e-9);
        assertEquals(1, axis.getLowerBound(), 0);
        assertEquals(5, axis.getUpperBound(), 0, "room up to 10^3");
        assertEquals("dog tip", ChartSupport.tooltipText(bars.get(1).getNode()));

        XYChart.Data<String, Number> first = bars.get(0);
        robot.interact(() -> ChartSupport.setBars(chart, axis, names, List.of("n"), List.of(new double[] {50, 0, 1}), false,
                (s, i) -> names.get(i) + " tip 2"));
        assertSame(first, chart.getData().get(0).getData().get(0), "same classes: bars updated, not rebuilt");
        assertEquals(50, ChartSupport.barValue(first, false), 0);
        assertEquals("eel tip 2", ChartSupport.tooltipText(chart.getData().get(0).getData().get(2).getNode()));
        assertEquals(List.of("0 a", "1 a"), ChartSupport.uniqueCategories(List.of("a", "a")));
    }
}
