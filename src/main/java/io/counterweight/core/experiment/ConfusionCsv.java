package io.counterweight.core.experiment;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.metrics.ConfusionMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A confusion matrix as CSV: the header row names the predicted classes, each following row starts with
 * the true class's name, then its counts (rows true, columns predicted). Names are quoted when needed.
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
        try {
            Files.writeString(file, sb);
        } catch (IOException e) {
            throw new CounterweightException(file + ": cannot write confusion matrix (" + e.getMessage() + ")");
        }
    }

    public static Named read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isEmpty()).toList();
            List<String> header = split(lines.get(0));
            List<String> names = header.subList(1, header.size());
            int k = names.size();
            if (lines.size() != k + 1) throw new IllegalArgumentException(k + " columns but " + (lines.size() - 1) + " rows");
            long[][] counts = new long[k][k];
            for (int t = 0; t < k; t++) {
                List<String> cells = split(lines.get(t + 1));
                for (int p = 0; p < k; p++) counts[t][p] = Long.parseLong(cells.get(p + 1).trim());
            }
            return new Named(List.copyOf(names), ConfusionMatrix.of(counts));
        } catch (IOException | RuntimeException e) {
            throw new CounterweightException(file + ": not a readable confusion matrix (" + e.getMessage() + ")");
        }
    }

    static String quote(String name) {
        String s = name.replace('\n', ' ').replace('\r', ' '); // one line per row, always
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

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
        cells.add(cell.toString());
        return cells;
    }
}
