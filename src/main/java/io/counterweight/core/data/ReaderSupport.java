package io.counterweight.core.data;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.Progress;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Small helpers shared by the readers: cancellation, opening files, reading name lists, errors. */
final class ReaderSupport {
    private ReaderSupport() { }

    /** Throws CounterweightException("cancelled") when the user asked to stop. */
    static void checkCancelled(Progress progress) {
        if (progress.isCancelled()) throw new CounterweightException("cancelled");
    }

    static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) throw new CounterweightException(file + ": missing");
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    /**
     * Opens a file for buffered reading, gunzipping when its name ends in .gz. When the gzip header is
     * bad the file is closed again before the error is thrown.
     */
    static InputStream open(Path file) {
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
        if (!file.getFileName().toString().endsWith(".gz")) return in;
        try {
            return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        } catch (IOException | RuntimeException e) {
            try {
                in.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            if (e instanceof IOException io) throw cannotRead(file, io);
            throw (RuntimeException) e;
        }
    }

    /** Reads exactly {@code buffer.length} bytes; false at a clean end of stream, error when cut mid-way. */
    static boolean readRecord(InputStream in, byte[] buffer, Path file) throws IOException {
        int off = 0;
        while (off < buffer.length) {
            int n = in.read(buffer, off, buffer.length - off);
            if (n < 0) {
                if (off == 0) return false;
                throw new CounterweightException(file + ": truncated: the file ends in the middle of a record");
            }
            off += n;
        }
        return true;
    }

    /** Non-blank, trimmed lines of a text file (class names, one a line). */
    static List<String> readNames(Path file) {
        try {
            List<String> names = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) names.add(line.trim());
            }
            return names;
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    static CounterweightException cannotRead(Path file, IOException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new CounterweightException(file + ": cannot read (" + why + ")", e);
    }

    /** Class names from a file when present and long enough, else the given defaults. */
    static List<String> namesOrDefault(Path file, List<String> defaults, int needed) {
        if (Files.isRegularFile(file)) {
            List<String> names = readNames(file);
            if (names.size() < needed) {
                throw new CounterweightException(file + ": lists " + names.size() + " class names, the labels need " + needed);
            }
            return names;
        }
        return defaults;
    }

    static byte[][] toArray(List<byte[]> images) {
        return images.toArray(new byte[0][]);
    }
}
