package io.counterweight.core.data;

import io.counterweight.core.CounterweightException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What kind of file a path is, checked before anything opens it: opening a named pipe blocks until some
 * other process writes to it (the CLI hung forever on one), and devices and sockets are no data sets. Only
 * regular files and directories are read. Also turns text into paths with a one-line error instead of
 * {@link InvalidPathException} (a non-ASCII name under {@code LANG=C}, a NUL character).
 */
public final class FileChecks {
    private FileChecks() { }

    /** The kinds a path can be; {@code SPECIAL} is a named pipe, device or socket. */
    enum Kind { MISSING, FILE, DIRECTORY, SPECIAL }

    static Kind kind(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            if (a.isRegularFile()) return Kind.FILE;
            if (a.isDirectory()) return Kind.DIRECTORY;
            return Kind.SPECIAL;
        } catch (NoSuchFileException e) {
            return Kind.MISSING;
        } catch (IOException e) {
            throw ReaderSupport.cannotRead(path, e);
        }
    }

    /** Refuses anything but an existing regular file, naming what it is instead. */
    static void requireRegularFile(Path file) {
        switch (kind(file)) {
            case FILE -> { }
            case MISSING -> throw new CounterweightException(file + ": missing");
            case DIRECTORY -> throw new CounterweightException(file + ": is a directory, not a file");
            case SPECIAL -> throw special(file);
        }
    }

    static CounterweightException special(Path path) {
        return new CounterweightException(path + ": is a special file (named pipe, device or socket); only regular files and folders are read");
    }

    /**
     * The path named by {@code text} (user input, a saved config, a recent-folders list).
     *
     * @param what how the user knows this input, e.g. "DATA" or "--out"
     */
    public static Path path(String text, String what) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            String encoding = System.getProperty("sun.jnu.encoding", "?");
            boolean encodingProblem = e.getReason() != null && e.getReason().toLowerCase(java.util.Locale.ROOT).contains("unmappable");
            boolean utf8 = encoding.replace("-", "").equalsIgnoreCase("UTF8");
            throw new CounterweightException(what + ": cannot use the path '" + printable(text) + "' ("
                    + (encodingProblem ? "it has characters the file-name encoding " + encoding + " cannot represent"
                            + (utf8 ? "" : "; use a UTF-8 locale, e.g. LANG=C.UTF-8") : e.getReason()) + ")", e);
        }
    }

    /** A short reason for a failure: "permission denied", "no such file", ... rather than an exception name. */
    static String reason(Exception e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof java.io.EOFException || e instanceof java.util.zip.ZipException && String.valueOf(e.getMessage()).contains("EOF")) {
            return "the file ends early: truncated";
        }
        if (e instanceof NoSuchFileException) return "no such file";
        if (e instanceof FileSystemException fs && fs.getReason() != null) return fs.getReason();
        String m = e.getMessage();
        return m == null || m.isBlank() ? "unreadable data" : m.lines().findFirst().orElse(m); // a class name means nothing to a user
    }

    /** The text with control characters (NUL, newlines) shown as '?', so a message stays one line. */
    static String printable(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) || Character.isSurrogate((char) c) && c < 0x10000 ? '?' : c));
        return sb.toString();
    }
}
