/**
 * Exports of finished (or half-written) runs for people who do not have Counterweight open: charts as
 * PNG drawn with Java2D ({@link io.counterweight.core.report.ChartImages}), CSV tables through Tablesaw
 * ({@link io.counterweight.core.report.ReportCsv}) and one self-contained HTML page
 * ({@link io.counterweight.core.report.RunReport}). Everything is read back from the run folders, never
 * from a live training, so the CLI and the GUI export the same thing; no JavaFX here, so a headless
 * server can export too.
 */
package io.counterweight.core.report;
