package io.counterweight.core.report;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.experiment.Provenance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One run, or a comparison of runs, as a single HTML file that opens offline in any browser and can be
 * mailed or attached to a paper's supplement: inline CSS, charts as embedded PNG, no scripts and no
 * external resources. It holds the summary table, the study's comparison (first run against each other
 * one), the loss and metric curves, and per run its heatmap, per-class table, config and provenance.
 */
public final class RunReport {
    /** The charts are embedded at this scale, so they stay sharp when printed or zoomed. */
    public static final int IMAGE_SCALE = 2;

    private RunReport() { }

    /** Writes the report via a temporary file and an atomic move (a reloading browser never sees half). */
    public static void write(Path file, List<ReportedRun> runs) {
        try {
            AtomicFiles.write(file, html(runs).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CounterweightException(file + ": cannot write the report (" + e.getMessage() + ")", e);
        }
    }

    public static String title(List<ReportedRun> runs) {
        if (runs.size() == 1) return "Run " + runs.get(0).name();
        return "Comparison of " + runs.size() + " runs";
    }

    /** The page as a string (well-formed XHTML-compatible markup). */
    public static String html(List<ReportedRun> runs) {
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
        h.element("title", null, "Counterweight — " + title(runs));
        h.raw("<style>" + ReportStyle.CSS + "</style>\n</head>\n<body>\n");
        h.element("h1", null, title(runs));
        h.element("p", "meta", "Counterweight report, written " + OffsetDateTime.now().withNano(0)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + " from " + runs.size() + " run folder(s).");
        h.element("h2", null, "Summary");
        h.table("summary", ReportTables.SUMMARY_HEAD, ReportTables.summary(runs),
                false, false, false, false, false, false, true, true, true, true, true, true, true, true);
        for (ReportedRun r : runs) {
            if (r.summary().problem() != null) h.element("p", "problem", r.name() + ": " + r.summary().problem());
        }
        for (int i = 1; i < runs.size(); i++) {
            h.element("h2", null, runs.get(0).name() + " against " + runs.get(i).name());
            h.table("comparison", List.of("metric", runs.get(0).name(), runs.get(i).name(), "change"),
                    ReportTables.comparison(runs.get(0), runs.get(i)), false, true, true, true);
        }
        h.element("h2", null, "Training curves");
        h.open("div", "charts");
        h.image(ChartImages.loss(runs, IMAGE_SCALE), "train and test loss per epoch");
        h.image(ChartImages.metrics(runs, IMAGE_SCALE), "accuracy, macro-F1 and balanced accuracy per epoch");
        h.close("div");
        for (ReportedRun r : runs) runSection(h, r);
        h.raw("</body>\n</html>\n");
        return h.toString();
    }

    private static void runSection(Html h, ReportedRun r) {
        h.open("section", "run").element("h2", null, r.name());
        h.element("p", "meta", r.summary().runDir().toString());
        ChartImage heatmap = ChartImages.confusion(r, true, IMAGE_SCALE);
        if (heatmap == null) {
            h.element("p", "problem", "No epoch completed yet: no confusion matrix or per-class table.");
        } else {
            h.element("h3", null, "Confusion matrix and per-class results, epoch " + r.lastEpoch().epoch());
            h.open("div", "pair").open("div", null).image(heatmap, "confusion matrix of " + r.name()).close("div");
            h.open("div", null).table("per-class", ReportTables.PER_CLASS_HEAD, ReportTables.perClass(r),
                    false, true, true, true, true, true).close("div").close("div");
        }
        h.open("div", "pair");
        h.open("div", null).element("h3", null, "Config").table("keys", List.of("key", "value"), JsonRows.of(r.result().config()));
        h.close("div").open("div", null).element("h3", null, "Provenance");
        Provenance p = r.provenance();
        if (p == null) h.element("p", "problem", "No provenance.json: the run stopped before training started.");
        else h.table("keys", List.of("key", "value"), JsonRows.of(p));
        h.close("div").close("div").close("section");
    }
}
