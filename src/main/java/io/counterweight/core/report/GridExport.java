package io.counterweight.core.report;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.experiment.grid.GridCell;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Row;

/**
 * A grid's outputs in its folder: {@code summary.csv}, {@code cells.csv}, {@code class_gains.csv} (when the
 * grid has a baseline), {@code macro_f1.png} and {@code balanced_accuracy.png} (bars with error bars), and
 * {@code grid.html}: one self-contained page with the table, the charts and the per-class gains, like the
 * report of a comparison.
 */
public final class GridExport {
    public static final String SUMMARY = "summary.csv", CELLS = "cells.csv", GAINS = "class_gains.csv", HTML = "grid.html";

    private GridExport() { }

    /** Writes the outputs into {@code dir} (created if needed) and returns their paths. */
    public static List<Path> write(Path dir, String title, GridTable table) {
        List<Path> written = new ArrayList<>();
        ReportCsv.write(add(written, dir.resolve(SUMMARY)), table.summary());
        ReportCsv.write(add(written, dir.resolve(CELLS)), table.cells());
        if (table.gains().rowCount() > 0) ReportCsv.write(add(written, dir.resolve(GAINS)), table.gains());
        ChartImage f1 = GridChart.draw(table, "macro_f1", "Macro-F1", RunReport.IMAGE_SCALE);
        ChartImage balanced = GridChart.draw(table, "balanced_accuracy", "Balanced accuracy", RunReport.IMAGE_SCALE);
        f1.write(add(written, dir.resolve("macro_f1.png")));
        balanced.write(add(written, dir.resolve("balanced_accuracy.png")));
        Path html = add(written, dir.resolve(HTML));
        try {
            AtomicFiles.write(html, html(title, table, f1, balanced).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CounterweightException(html + ": cannot write the page (" + e.getMessage() + ")", e);
        }
        return written;
    }

    private static Path add(List<Path> written, Path p) {
        written.add(p);
        return p;
    }

    static String html(String title, GridTable table, ChartImage f1, ChartImage balanced) {
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
        h.element("title", null, "Counterweight — " + title);
        h.raw("<style>" + ReportStyle.CSS + "</style>\n</head>\n<body>\n");
        h.element("h1", null, title);
        h.element("p", "meta", "Counterweight grid, written " + OffsetDateTime.now().withNano(0)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + " from " + table.cells().rowCount() + " cell(s). Mean ± sample "
                + "standard deviation (n − 1) over the finished seeds; no deviation is shown when n = 1.");
        h.element("h2", null, "Summary");
        h.table("summary", GridTable.SUMMARY_HEAD, table.summaryText(), false, false, true, true, true, true, true, true, true);
        h.open("div", "charts");
        h.image(f1, "macro-F1 per remedy and imbalance ratio, mean and standard deviation over seeds");
        h.image(balanced, "balanced accuracy per remedy and imbalance ratio, mean and standard deviation over seeds");
        h.close("div");
        if (table.gains().rowCount() > 0) {
            h.element("h2", null, "Per-class gains over the baseline (same seeds)");
            List<List<String>> rows = new ArrayList<>();
            for (Row r : table.gains()) {
                rows.add(List.of(r.getString("remedy"), GridCell.ratio(r.getDouble("imbalance")), r.getString("class"),
                        String.valueOf(r.getInt("n")), pct(r.getDouble("baseline_recall")), pct(r.getDouble("recall")),
                        signed(r.getDouble("recall_gain"), true), num(r.getDouble("baseline_f1")), num(r.getDouble("f1")),
                        signed(r.getDouble("f1_gain"), false)));
            }
            h.table("gains", List.of("remedy", "u", "class", "n", "baseline recall %", "recall %", "change (pp)", "baseline F1", "F1",
                    "change"), rows, false, false, false, true, true, true, true, true, true, true);
        }
        h.element("h2", null, "Cells");
        List<List<String>> cells = new ArrayList<>();
        for (Row r : table.cells()) {
            cells.add(List.of(r.getString("remedy"), GridCell.ratio(r.getDouble("imbalance")), String.valueOf(r.getLong("seed")),
                    r.getString("status"), pct(r.getDouble("accuracy")), num(r.getDouble("macro_f1")), r.getString("run_dir")));
        }
        h.table("cells", List.of("remedy", "u", "seed", "status", "accuracy %", "macro-F1", "run folder"), cells,
                false, false, true, false, true, true, false);
        h.raw("</body>\n</html>\n");
        return h.toString();
    }

    private static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", 100 * v) : "n/a";
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "n/a";
    }

    private static String signed(double v, boolean percent) {
        if (!Double.isFinite(v)) return "n/a";
        return percent ? String.format(Locale.ROOT, "%+.1f", 100 * v) : String.format(Locale.ROOT, "%+.3f", v);
    }
}
