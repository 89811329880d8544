package io.counterweight.core.experiment;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.metrics.Predictions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * {@code predictions/epoch-NNN.csv}: one row per test image, {@code index,true,predicted,probability}
 * (index into the test split as loaded, class ids, the predicted class's probability), so that the rows
 * rebuild that epoch's confusion matrix exactly and any cell's images can be listed. Written like the
 * other run files: a temporary file, then an atomic move.
 */
public final class PredictionsCsv {
    public static final String HEADER = "index,true,predicted,probability";

    private PredictionsCsv() { }

    public static void write(Path file, Predictions p) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < p.size(); i++) {
            sb.append(i).append(',').append(p.truth()[i]).append(',').append(p.predicted()[i]).append(',')
                    .append(String.format(Locale.ROOT, "%.6g", p.probability()[i])).append('\n');
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CounterweightException(file + ": cannot write predictions (" + e.getMessage() + ")", e);
        }
    }

    /** Reads a file written by {@link #write}; a malformed line is named. */
    public static Predictions read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CounterweightException(file + ": cannot read predictions (" + e.getMessage() + ")", e);
        }
        if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
            throw new CounterweightException(file + ": not a predictions file (the header must be '" + HEADER + "')");
        }
        int n = (int) lines.stream().skip(1).filter(l -> !l.isBlank()).count();
        int[] truth = new int[n];
        int[] predicted = new int[n];
        float[] probability = new float[n];
        int row = 0;
        for (int l = 1; l < lines.size(); l++) {
            if (lines.get(l).isBlank()) continue;
            String[] f = lines.get(l).split(",");
            try {
                if (f.length != 4 || Integer.parseInt(f[0].strip()) != row) throw new NumberFormatException("row " + row);
                truth[row] = Integer.parseInt(f[1].strip());
                predicted[row] = Integer.parseInt(f[2].strip());
                probability[row] = Float.parseFloat(f[3].strip());
                if (truth[row] < 0 || predicted[row] < 0 || !(probability[row] >= 0 && probability[row] <= 1)) {
                    throw new NumberFormatException("out of range");
                }
            } catch (NumberFormatException e) {
                throw new CounterweightException(file + ":" + (l + 1) + ": not a predictions row (index,true,predicted,probability"
                        + " with the index counting from 0)", e);
            }
            row++;
        }
        return new Predictions(truth, predicted, probability);
    }
}
