package io.counterweight.core.data;

import io.counterweight.core.CounterweightException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** Listing image files and sub-folders in a stable (sorted) order, and decoding images with clear errors. */
public final class ImageFiles {
    private ImageFiles() { }

    public static boolean isImageName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg")
                || n.endsWith(".bmp") || n.endsWith(".gif"));
    }

    /** Image files directly in {@code dir}, sorted by name; other files are ignored. */
    static List<Path> images(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> isImageName(p.getFileName().toString()) && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw ReaderSupport.cannotRead(dir, e);
        }
    }

    /** Non-hidden sub-folders of {@code dir}, sorted by name. */
    static List<Path> subdirs(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isDirectory(p) && !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw ReaderSupport.cannotRead(dir, e);
        }
    }

    static boolean hasImages(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> isImageName(p.getFileName().toString()) && Files.isRegularFile(p));
        } catch (IOException e) {
            return false;
        }
    }

    /** Decodes an image file; an unreadable or corrupt one is an error naming the file. */
    public static BufferedImage decode(Path file) {
        try {
            BufferedImage img = ImageIO.read(file.toFile());
            if (img == null) throw new CounterweightException(file + ": not a readable image (unknown or corrupt format)");
            return img;
        } catch (IOException | RuntimeException e) {
            if (e instanceof CounterweightException ce) throw ce;
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new CounterweightException(file + ": corrupt image (" + why + ")", e);
        }
    }
}
