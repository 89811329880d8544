package io.counterweight.core.experiment;

import io.counterweight.core.CounterweightException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/** {@code metrics.csv}: one row an epoch, written and read through Tablesaw. NaN is an empty cell. */
public final class MetricsCsv {
    public static final List<String> COLUMNS = List.of("epoch", "train_loss", "test_loss", "accuracy", "macro_f1",
            "balanced_accuracy", "head_accuracy", "medium_accuracy", "tail_accuracy", "images_per_second", "seconds");

    private MetricsCsv() { }

    public static Table toTable(List<EpochMetrics> rows) {
        Table t = Table.create("metrics", IntColumn.create(COLUMNS.get(0), rows.stream().mapToInt(EpochMetrics::epoch).toArray()));
        t.addColumns(
                column(1, rows.stream().mapToDouble(EpochMetrics::trainLoss).toArray()),
                column(2, rows.stream().mapToDouble(EpochMetrics::testLoss).toArray()),
                column(3, rows.stream().mapToDouble(EpochMetrics::accuracy).toArray()),
                column(4, rows.stream().mapToDouble(EpochMetrics::macroF1).toArray()),
                column(5, rows.stream().mapToDouble(EpochMetrics::balancedAccuracy).toArray()),
                column(6, rows.stream().mapToDouble(EpochMetrics::headAccuracy).toArray()),
                column(7, rows.stream().mapToDouble(EpochMetrics::mediumAccuracy).toArray()),
                column(8, rows.stream().mapToDouble(EpochMetrics::tailAccuracy).toArray()),
                column(9, rows.stream().mapToDouble(EpochMetrics::imagesPerSecond).toArray()),
                column(10, rows.stream().mapToDouble(EpochMetrics::seconds).toArray()));
        return t;
    }

    /** Writes via a temporary file, so a crash mid-write never leaves a half-written metrics.csv. */
    public static void write(Path file, List<EpochMetrics> rows) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            toTable(rows).write().csv(tmp.toFile());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            throw new CounterweightException(file + ": cannot write metrics (" + why(e) + ")", e);
        }
    }

    public static List<EpochMetrics> read(Path file) {
        ColumnType[] types = new ColumnType[COLUMNS.size()];
        types[0] = ColumnType.INTEGER;
        for (int i = 1; i < types.length; i++) types[i] = ColumnType.DOUBLE;
        Table t;
        try {
            t = Table.read().usingOptions(CsvReadOptions.builder(file.toFile()).columnTypes(types).missingValueIndicator(""));
        } catch (RuntimeException e) {
            throw new CounterweightException(file + ": not a readable metrics.csv (" + why(e) + ")", e);
        }
        if (!t.columnNames().equals(COLUMNS)) throw new CounterweightException(file + ": unexpected columns " + t.columnNames());
        List<EpochMetrics> rows = new ArrayList<>(t.rowCount());
        for (Row r : t) {
            rows.add(new EpochMetrics(r.getInt(0), d(r, 1), d(r, 2), d(r, 3), d(r, 4), d(r, 5), d(r, 6), d(r, 7), d(r, 8), d(r, 9), d(r, 10)));
        }
        return rows;
    }

    /** The first line of the exception's message (the error the user sees stays one line). */
    static String why(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip().lines().findFirst().orElse(m);
    }

    private static DoubleColumn column(int index, double[] values) {
        return DoubleColumn.create(COLUMNS.get(index), values);
    }

    private static double d(Row r, int column) {
        String name = COLUMNS.get(column);
        return r.isMissing(name) ? Double.NaN : r.getDouble(name);
    }
}
