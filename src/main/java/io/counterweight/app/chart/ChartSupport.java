package io.counterweight.app.chart;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * Per-class bar charts with a linear or log value axis and a tooltip per bar. Bars are updated in
 * place when the classes stay the same, so dragging a slider does not rebuild hundreds of nodes.
 *
 * <p>JavaFX has no log axis: in log mode a value v is plotted at {@code 2 + log10(v)} on an axis
 * from 1 whose ticks are labelled back as powers of ten, so a class with one image still shows a bar.
 */
public final class ChartSupport {
    private static final String TOOLTIP_KEY = "counterweight.tooltip";
    private static final int MAX_CATEGORY_LABELS = 24;

    private ChartSupport() { }

    public static void setBars(BarChart<String, Number> chart, NumberAxis axis, List<String> classNames,
                               List<String> seriesNames, List<double[]> values, boolean log,
                               BiFunction<Integer, Integer, String> tooltip) {
        List<String> categories = uniqueCategories(classNames);
        boolean sameShape = chart.getData().size() == seriesNames.size();
        for (int s = 0; sameShape && s < seriesNames.size(); s++) {
            XYChart.Series<String, Number> series = chart.getData().get(s);
            sameShape = series.getData().size() == categories.size()
                    && series.getData().stream().map(XYChart.Data::getXValue).toList().equals(categories);
        }
        if (!sameShape) {
            List<XYChart.Series<String, Number>> all = new ArrayList<>();
            for (String name : seriesNames) {
                XYChart.Series<String, Number> series = new XYChart.Series<>();
                series.setName(name);
                for (String c : categories) series.getData().add(new XYChart.Data<>(c, 0));
                all.add(series);
            }
            chart.getData().setAll(all);
        }
        double max = 0;
        for (double[] v : values) for (double x : v) max = Math.max(max, x);
        configureAxis(axis, log, max);
        for (int s = 0; s < seriesNames.size(); s++) {
            List<XYChart.Data<String, Number>> data = chart.getData().get(s).getData();
            double[] v = values.get(s);
            for (int i = 0; i < data.size(); i++) {
                double x = i < v.length ? v[i] : 0;
                data.get(i).setYValue(log ? (x > 0 ? 2 + Math.log10(x) : 1) : x);
                installTooltip(data.get(i).getNode(), tooltip.apply(s, i));
            }
        }
        chart.getXAxis().setTickLabelsVisible(categories.size() <= MAX_CATEGORY_LABELS);
    }

    /** The value a bar shows, undoing the log transform. */
    public static double barValue(XYChart.Data<String, Number> bar, boolean log) {
        double y = bar.getYValue().doubleValue();
        return log ? (y <= 1 ? 0 : Math.pow(10, y - 2)) : y;
    }

    private static void configureAxis(NumberAxis axis, boolean log, double max) {
        if (!log) {
            axis.setAutoRanging(true);
            axis.setTickLabelFormatter(new NumberAxis.DefaultFormatter(axis));
            return;
        }
        axis.setAutoRanging(false);
        axis.setLowerBound(1);
        axis.setUpperBound(2 + Math.max(1, Math.ceil(Math.log10(Math.max(1, max)) + 0.05)));
        axis.setTickUnit(1);
        axis.setMinorTickCount(0);
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number v) {
                return v.doubleValue() < 2 ? "" : String.format(Locale.ROOT, "%,.0f", Math.pow(10, v.doubleValue() - 2));
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
    }

    private static void installTooltip(Node node, String text) {
        if (node == null) return;
        Object existing = node.getProperties().get(TOOLTIP_KEY);
        if (existing instanceof Tooltip t) {
            t.setText(text);
            return;
        }
        Tooltip t = new Tooltip(text);
        t.setShowDelay(Duration.millis(80));
        Tooltip.install(node, t);
        node.getProperties().put(TOOLTIP_KEY, t);
    }

    /** The tooltip text of a bar, or null (for tests and the hover check). */
    public static String tooltipText(Node node) {
        return node != null && node.getProperties().get(TOOLTIP_KEY) instanceof Tooltip t ? t.getText() : null;
    }

    /** Category names must be unique on a CategoryAxis; duplicates get their class id. */
    static List<String> uniqueCategories(List<String> names) {
        List<String> out = new ArrayList<>(names.size());
        var seen = new HashSet<String>(names);
        boolean clash = seen.size() != names.size();
        for (int i = 0; i < names.size(); i++) out.add(clash ? i + " " + names.get(i) : names.get(i));
        return out;
    }
}
