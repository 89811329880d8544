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

    /** An existing regular file, else a one-line error saying what it is (missing, a folder, a named pipe...). */
    static void requireFile(Path file) {
        FileChecks.requireRegularFile(file);
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
        requireFile(file); // before opening: a named pipe would block the open itself
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
        requireFile(file);
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
        return new CounterweightException(file + ": cannot read (" + FileChecks.reason(e) + ")", e);
    }

    /**
     * The files a format needs, all of them: a missing one is named, never skipped (4 of CIFAR-10's 5
     * training batches once loaded as if complete). Folders or pipes of these names are refused as such.
     */
    static List<Path> requireAll(Path dir, List<String> names, String format) {
        List<String> missing = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (String name : names) {
            Path f = dir.resolve(name);
            if (FileChecks.kind(f) == FileChecks.Kind.MISSING) missing.add(name);
            else requireFile(f);
            files.add(f);
        }
        if (!missing.isEmpty()) {
            throw new CounterweightException(dir + ": " + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                    + " missing (" + format + " needs all of " + names.get(0) + " ... " + names.get(names.size() - 1) + ")");
        }
        return files;
    }

    /**
     * Class names from {@code file} (one a line) when it exists. When it is missing the data set gets
     * neutral names "class 0", "class 1", ... and a warning note: files in a CIFAR layout may hold other
     * images (Fashion-MNIST is often converted to it), so CIFAR's own names are never assumed.
     */
    static Dataset withNames(Dataset unnamed, Path file, int needed) {
        if (FileChecks.kind(file) == FileChecks.Kind.MISSING) return withNeutralNames(unnamed, file, needed);
        List<String> names = readNames(file);
        if (names.size() < needed) {
            throw new CounterweightException(file + ": lists " + names.size() + " class names, the labels need " + needed);
        }
        return rename(unnamed, names.subList(0, needed));
    }

    static List<String> neutralNames(int n) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < n; c++) names.add("class " + c);
        return names;
    }

    static Dataset withNeutralNames(Dataset unnamed, Path namesFile, int needed) {
        return rename(unnamed, neutralNames(needed)).withNote(DatasetLoader.WARNING + "_class_names", namesFile
                + " is missing: the classes are named class 0 ... class " + (needed - 1));
    }

    private static Dataset rename(Dataset d, List<String> names) {
        return new Dataset(d.name(), d.format(), names, d.train(), d.test(), d.notes());
    }

    /**
     * Refuses to load more pixel data than half of this JVM's heap ({@code -Xmx}): the rest is needed for the
     * network, batches and the GUI. Checked from the sizes a file declares, before anything is allocated,
     * so a huge declared count ends in one line instead of an OutOfMemoryError minutes later.
     */
    static void requireMemory(Path file, long bytes, String what) {
        long budget = Runtime.getRuntime().maxMemory() / 2;
        if (bytes > budget) {
            throw new CounterweightException(String.format(java.util.Locale.ROOT,
                    "%s: %s need %,d MB, more than the %,d MB (half the Java heap) a data set may take; raise -Xmx or use a smaller part",
                    file, what, bytes >> 20, budget >> 20));
        }
    }
}
