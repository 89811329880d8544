package io.counterweight.app.runs;

import java.nio.file.Path;
import java.util.List;

/**
 * Where an export goes and which images to predict, as the user picks them. The view asks with file and folder
 * choosers; tests answer directly. A null answer (the chooser was cancelled) exports nothing.
 */
public interface ExportDestinations {
    /** A file to write, e.g. "report.html"; {@code extension} like "html". */
    Path file(String title, String suggestedName, String extension);

    /** A folder to write into. */
    Path folder(String title);

    /** Images (or folders of images) to predict; empty when cancelled. */
    List<Path> images(String title);

    /** Answers nothing: every export is cancelled (until the view sets its choosers). */
    ExportDestinations NONE = new ExportDestinations() {
        @Override public Path file(String title, String suggestedName, String extension) { return null; }
        @Override public Path folder(String title) { return null; }
        @Override public List<Path> images(String title) { return List.of(); }
    };
}
