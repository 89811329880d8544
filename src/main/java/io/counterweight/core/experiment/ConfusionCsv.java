package io.counterweight.core.experiment;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.metrics.ConfusionMatrix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A confusion matrix as CSV: the header row names the predicted classes, each following row starts with
 * the true class's name, then its counts (rows true, columns predicted). Names are quoted when needed.
 * Written like the other run files (a temporary file in the same folder, then an atomic move); read
 * strictly, so a damaged file is an error naming the file and line, never a wrong matrix.
 */
public final class ConfusionCsv {
    public static final String CORNER = "true\\predicted";

    private ConfusionCsv() { }

    /** The matrix and its class names as read from a file. */
    public record Named(List<String> classNames, ConfusionMatrix matrix) { }

    public static void write(Path file, ConfusionMatrix cm, List<String> names) {
        StringBuilder sb = new StringBuilder(quote(CORNER));
        for (String n : names) sb.append(',').append(quote(n));
        sb.append('\n');
        for (int t = 0; t < cm.numClasses(); t++) {
            sb.append(quote(names.get(t)));
            for (int p = 0; p < cm.numClasses(); p++) sb.append(',').append(cm.get(t, p));
            sb.append('\n');
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new CounterweightException(file + ": cannot write confusion matrix (" + MetricsCsv.why(e) + ")", e);
        }
    }

    /**
     * Reads a file written by {@link #write}. Blank lines are skipped; everything else must be a square
     * matrix of non-negative whole counts whose rows name the header's classes in the header's order.
     */
    public static Named read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new CounterweightException(file + ": cannot read confusion matrix (" + MetricsCsv.why(e) + ")", e);
        }
        int headerLine = firstNonBlank(lines, 0);
        if (headerLine < 0) throw malformed(file, "the file is empty");
        List<String> header = split(file, lines, headerLine);
        List<String> names = header.subList(1, header.size());
        int k = names.size();
        if (k == 0) throw malformed(file, headerLine, "the header names no class");
        long[][] counts = new long[k][];
        int line = headerLine;
        for (int t = 0; t < k; t++) {
            line = firstNonBlank(lines, line + 1);
            if (line < 0) throw malformed(file, "the header names " + k + " classes but there are " + t + " rows");
            List<String> cells = split(file, lines, line);
            if (cells.size() != k + 1) {
                throw malformed(file, line, (cells.size() - 1) + " count(s), the header names " + k + " classes");
            }
            if (!cells.get(0).equals(names.get(t))) {
                throw malformed(file, line, "row of class '" + cells.get(0) + "' where the header's order has '" + names.get(t) + "'");
            }
            counts[t] = new long[k];
            for (int p = 0; p < k; p++) counts[t][p] = count(file, line, p + 2, cells.get(p + 1));
        }
        int extra = firstNonBlank(lines, line + 1);
        if (extra >= 0) throw malformed(file, extra, "more rows than the header's " + k + " classes");
        return new Named(List.copyOf(names), ConfusionMatrix.of(counts));
    }

    private static long count(Path file, int line, int column, String cell) {
        long v;
        try {
            v = Long.parseLong(cell.trim());
        } catch (NumberFormatException e) {
            CounterweightException bad = malformed(file, line, "column " + column + ": '" + cell + "' is not a count");
            bad.initCause(e);
            throw bad;
        }
        if (v < 0) throw malformed(file, line, "column " + column + ": negative count " + v);
        return v;
    }

    /** Index of the first non-blank line at or after {@code from}, or -1. */
    private static int firstNonBlank(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) if (!lines.get(i).isBlank()) return i;
        return -1;
    }

    private static List<String> split(Path file, List<String> lines, int index) {
        List<String> cells = split(lines.get(index));
        if (cells == null) throw malformed(file, index, "a quoted name is not closed");
        return cells;
    }

    private static String where(Path file, int index) {
        return file + ":" + (index + 1) + ": ";
    }

    /** {@code index} counts from 0; the message shows the line number from 1, as editors do. */
    private static CounterweightException malformed(Path file, int index, String what) {
        return new CounterweightException(where(file, index) + "not a readable confusion matrix: " + oneLine(what));
    }

    private static CounterweightException malformed(Path file, String what) {
        return new CounterweightException(file + ": not a readable confusion matrix: " + oneLine(what));
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    static String quote(String name) {
        String s = name.replace('\n', ' ').replace('\r', ' '); // one line per row, always
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** The cells of one line; null when a quoted cell is not closed. */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        if (quoted) return null;
        cells.add(cell.toString());
        return cells;
    }
}
