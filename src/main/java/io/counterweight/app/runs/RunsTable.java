package io.counterweight.app.runs;

import io.counterweight.core.Durations;
import io.counterweight.core.experiment.RunSummary;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * The history table's cells: each column shows text but sorts by the real value (dates as instants,
 * metrics as numbers, epochs by epochs done), unknown values last. A folder with a problem is a row in
 * the warning colour with ⚠ after its status and the problem on hover.
 */
final class RunsTable {
    static final String NONE = "–";

    private RunsTable() { }

    /** A column whose cells show {@code text} of the row and sort by {@code key} (null: unknown, sorts last). */
    static <K extends Comparable<K>> void column(TableColumn<RunSummary, RunSummary> c, Function<RunSummary, String> text,
                                                Function<RunSummary, K> key) {
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(RunSummary run, boolean empty) {
                super.updateItem(run, empty);
                setText(empty || run == null ? null : text.apply(run));
            }
        });
        c.setComparator(Comparator.comparing(key, Comparator.nullsLast(Comparator.naturalOrder())));
    }

    /** Rows of broken folders get the style class "broken" and their problem as a tooltip. */
    static TableRow<RunSummary> row() {
        Tooltip tip = new Tooltip();
        tip.setShowDelay(Duration.millis(200));
        tip.setWrapText(true);
        tip.setMaxWidth(560);
        return new TableRow<>() {
            @Override
            protected void updateItem(RunSummary run, boolean empty) {
                super.updateItem(run, empty);
                boolean broken = !empty && run != null && run.problem() != null;
                getStyleClass().remove("broken");
                if (broken) getStyleClass().add("broken");
                tip.setText(broken ? run.problem() : null);
                setTooltip(broken ? tip : null);
            }
        };
    }

    static String date(RunSummary r) {
        OffsetDateTime t = time(r);
        return t == null ? (r.startTime() == null ? NONE : r.startTime()) : String.format(Locale.ROOT, "%1$tY-%1$tm-%1$td %1$tH:%1$tM", t);
    }

    static OffsetDateTime time(RunSummary r) {
        if (r.startTime() == null) return null;
        try {
            return OffsetDateTime.parse(r.startTime());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static java.time.Instant instant(RunSummary r) {
        OffsetDateTime t = time(r);
        return t == null ? null : t.toInstant();
    }

    static String status(RunSummary r) {
        return r.status().id() + (r.problem() == null ? "" : "  ⚠");
    }

    static String percent(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f %%", 100 * v) : NONE;
    }

    static String fraction(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : NONE;
    }

    static Double value(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static String duration(RunSummary r) {
        return r.epochsDone() == 0 ? NONE : Durations.clock(r.seconds());
    }
}
