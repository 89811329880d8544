package io.counterweight.core.data;

import io.counterweight.core.CounterweightException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Listing image files and sub-folders in a stable (sorted) order, and decoding images with clear errors.
 * Decoding reads the header's width and height first and refuses an image above {@link #MAX_PIXELS}
 * before a pixel is allocated: a 1.8 MB PNG can declare 25,000 × 25,000 pixels (2.5 GB decoded).
 * Files are opened through their {@link Path}, never a {@code java.io.File} made from the name's text,
 * so names that are not valid in the platform encoding (Latin-1 bytes, LANG=C) still open.
 */
public final class ImageFiles {
    /** The pixel budget of one image: 64 Mpx (e.g. 8,000 × 8,000), above any camera photo a class folder holds. */
    public static final long MAX_PIXELS = 64_000_000L;

    private ImageFiles() { }

    public static boolean isImageName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg")
                || n.endsWith(".bmp") || n.endsWith(".gif"));
    }

    /**
     * Image files directly in {@code dir}, sorted by name; other files are ignored. An entry with an image
     * name that is not a regular file (a named pipe, a folder called x.png) is refused, not skipped.
     */
    static List<Path> images(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> named = s.filter(p -> isImageName(p.getFileName().toString())).sorted().toList();
            for (Path p : named) {
                if (!Files.isRegularFile(p)) FileChecks.requireRegularFile(p);
            }
            return named;
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

    /** True when {@code dir} holds an entry with an image name that is not a folder (the reader checks it further). */
    static boolean hasImages(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> isImageName(p.getFileName().toString()) && !Files.isDirectory(p));
        } catch (IOException e) {
            return false;
        }
    }

    /** Decodes an image file; an unreadable, corrupt or oversized one is an error naming the file. */
    public static BufferedImage decode(Path file) {
        FileChecks.requireRegularFile(file);
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (IOException e) {
            throw ReaderSupport.cannotRead(file, e);
        }
        // A memory cache (bounded by the file's size): ImageIO's default would write a temp file per image.
        try (InputStream in = raw; ImageInputStream iis = new MemoryCacheImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) throw new CounterweightException(file + ": not a readable image (unknown or corrupt format)");
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                long w = reader.getWidth(0), h = reader.getHeight(0);
                if (w <= 0 || h <= 0) throw new CounterweightException(file + ": corrupt image (declares " + w + " x " + h + " pixels)");
                if (w * h > MAX_PIXELS) {
                    throw new CounterweightException(String.format(Locale.ROOT, "%s: image of %d x %d pixels is above the limit of %d Mpx per image",
                            file, w, h, MAX_PIXELS / 1_000_000));
                }
                BufferedImage img = reader.read(0);
                if (img == null) throw new CounterweightException(file + ": not a readable image (unknown or corrupt format)");
                return img;
            } finally {
                reader.dispose();
            }
        } catch (CounterweightException e) {
            throw e;
        } catch (IOException e) {
            throw new CounterweightException(file + ": corrupt image (" + FileChecks.printable(FileChecks.reason(e)) + ")", e);
        } catch (RuntimeException e) {
            // Decoders fail on bad data with index, size or argument errors whose text (and class name) means
            // nothing to a user; the cause stays attached for a developer.
            throw new CounterweightException(file + ": corrupt image (its decoder failed on damaged data)", e);
        }
    }
}
