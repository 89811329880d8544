package io.counterweight.core.experiment;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.data.ImageFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The image files a user points at (command-line arguments, files dropped on a window): files as given,
 * directories replaced by every image inside them, recursively, in sorted order.
 */
public final class ImageInputs {
    private ImageInputs() { }

    public static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> inside = imagesUnder(p);
                if (inside.isEmpty()) throw new CounterweightException(p + ": no PNG/JPEG images in this folder");
                files.addAll(inside);
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new CounterweightException(p + ": no such file or folder");
            }
        }
        if (files.isEmpty()) throw new CounterweightException("no images given");
        return files;
    }

    private static List<Path> imagesUnder(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(f -> Files.isRegularFile(f) && ImageFiles.isImageName(f.getFileName().toString())
                            && !hidden(dir.relativize(f)))
                    .sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new CounterweightException(dir + ": cannot list images (" + e.getMessage() + ")", e);
        }
    }

    /** Inside a hidden folder such as .git or .thumbnails. */
    private static boolean hidden(Path relative) {
        for (Path part : relative) if (part.toString().startsWith(".")) return true;
        return false;
    }
}
