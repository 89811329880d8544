package io.counterweight.core.report;

import io.counterweight.core.CounterweightException;
import java.nio.file.Path;

/**
 * A chart drawn to PNG. {@code width} and {@code height} are the logical size (CSS pixels); the PNG holds
 * {@code scale} times as many pixels each way, so a 2× image stays sharp on a slide or a retina screen
 * when shown at its logical size.
 */
public record ChartImage(byte[] png, int width, int height, int scale) {

    /** Writes the PNG (via a temporary file, so a half-written image never replaces a good one). */
    public void write(Path file) {
        try {
            AtomicFiles.write(file, png);
        } catch (java.io.IOException e) {
            throw new CounterweightException(file + ": cannot write the chart (" + e.getMessage() + ")", e);
        }
    }
}
