package io.counterweight.core.data;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.Progress;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the MNIST family of IDX files ({@code train-images-idx3-ubyte[.gz]}, {@code train-labels-idx1-ubyte[.gz]},
 * {@code t10k-*}): a big-endian magic (0x00000803 images, 0x00000801 labels), the dimensions, then uint8 data.
 */
public final class IdxReader {
    static final List<String> FASHION_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;
    private static final int REPORT_EVERY = 5000;
    /** A sanity bound on header counts, so a corrupt header cannot ask for gigabytes. */
    private static final int MAX_ITEMS = 50_000_000;
    /** Deflate's largest compression ratio: no gzip file unpacks to more than about 1032 times its size. */
    static final long MAX_GZIP_RATIO = 1032;

    private IdxReader() { }

    /** True when {@code name} is one of the four IDX file names (dash or dot before idx, optional .gz). */
    static boolean isIdxName(String name) {
        return Pattern.matches("(train|t10k)-(images|labels)[-.]idx[13]-ubyte(\\.gz)?", name);
    }

    public static Dataset read(Path dir, Progress progress) {
        Path trainImages = find(dir, "train", "images", 3);
        Path trainLabels = find(dir, "train", "labels", 1);
        Path testImages = find(dir, "t10k", "images", 3);
        Path testLabels = find(dir, "t10k", "labels", 1);
        ImageSplit train = readSplit(trainImages, trainLabels, progress);
        ImageSplit test = readSplit(testImages, testLabels, progress);
        if (!train.shape().equals(test.shape())) {
            throw new CounterweightException(testImages + ": images are " + test.shape() + ", the training images " + train.shape());
        }
        int numClasses = LabelRange.check(train.labels(), trainLabels, test.labels(), testLabels);
        boolean fashion = dir.toAbsolutePath().toString().toLowerCase(Locale.ROOT).contains("fashion");
        List<String> names = new ArrayList<>();
        for (int c = 0; c < numClasses; c++) names.add(fashion && numClasses <= 10 ? FASHION_NAMES.get(c) : String.valueOf(c));
        return new Dataset(fashion ? "Fashion-MNIST" : "MNIST", DatasetFormat.IDX, names, train, test);
    }

    private static Path find(Path dir, String split, String kind, int dims) {
        for (String sep : new String[] {"-", "."}) {
            for (String ext : new String[] {"", ".gz"}) {
                Path f = dir.resolve(split + "-" + kind + sep + "idx" + dims + "-ubyte" + ext);
                if (FileChecks.kind(f) != FileChecks.Kind.MISSING) return f; // a pipe or folder of this name is refused by open()
            }
        }
        throw new CounterweightException(dir.resolve(split + "-" + kind + "-idx" + dims + "-ubyte") + "[.gz]: missing");
    }

    private static ImageSplit readSplit(Path imagesFile, Path labelsFile, Progress progress) {
        int[] labels = readLabels(labelsFile);
        progress.update("reading " + imagesFile.getFileName(), 0, labels.length);
        try (DataInputStream in = new DataInputStream(ReaderSupport.open(imagesFile))) {
            int magic = in.readInt();
            if (magic != IMAGES_MAGIC) throw badMagic(imagesFile, magic, IMAGES_MAGIC);
            int n = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (n < 0 || n > MAX_ITEMS || rows <= 0 || cols <= 0 || (long) rows * cols > 1 << 24) throw new CounterweightException(imagesFile + ": bad dimensions " + n + "x" + rows + "x" + cols);
            if (n != labels.length) {
                throw new CounterweightException(imagesFile + ": holds " + n + " images but " + labelsFile.getFileName() + " holds " + labels.length + " labels");
            }
            ImageShape shape = new ImageShape(1, rows, cols);
            requireHolds(imagesFile, 16, (long) n * shape.size(), n + " images of " + rows + " x " + cols);
            // A plain file's size proves the count; a gzip file's true length is only known at its end, so
            // there the store grows as images arrive.
            boolean gz = imagesFile.getFileName().toString().endsWith(".gz");
            PixelStore.Builder images = new PixelStore.Builder(shape.size(), n, !gz);
            byte[] image = new byte[shape.size()];
            for (int i = 0; i < n; i++) {
                readFully(in, image, imagesFile, "ends inside image " + (i + 1) + " of " + n);
                images.append(image, 0);
                if ((i + 1) % REPORT_EVERY == 0) {
                    ReaderSupport.checkCancelled(progress);
                    progress.update("reading " + imagesFile.getFileName(), i + 1, n);
                }
            }
            return new ImageSplit(shape, images.build(), labels);
        } catch (EOFException e) {
            throw new CounterweightException(imagesFile + ": truncated: the header is incomplete");
        } catch (IOException e) {
            throw ReaderSupport.cannotRead(imagesFile, e);
        }
    }

    private static int[] readLabels(Path file) {
        try (DataInputStream in = new DataInputStream(ReaderSupport.open(file))) {
            int magic = in.readInt();
            if (magic != LABELS_MAGIC) throw badMagic(file, magic, LABELS_MAGIC);
            int n = in.readInt();
            if (n < 0 || n > MAX_ITEMS) throw new CounterweightException(file + ": bad label count " + n);
            requireHolds(file, 8, n, n + " labels");
            ByteArrayOutputStream raw = new ByteArrayOutputStream(Math.min(n, 1 << 16));
            byte[] chunk = new byte[Math.min(n, 1 << 16)];
            for (int left = n; left > 0; left -= chunk.length) {
                if (left < chunk.length) chunk = new byte[left];
                readFully(in, chunk, file, "holds fewer than the " + n + " labels its header announces");
                raw.write(chunk, 0, chunk.length);
            }
            byte[] bytes = raw.toByteArray();
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) labels[i] = bytes[i] & 0xFF;
            return labels;
        } catch (EOFException e) {
            throw new CounterweightException(file + ": truncated: the header is incomplete");
        } catch (IOException e) {
            throw ReaderSupport.cannotRead(file, e);
        }
    }

    /**
     * Checks, before allocating, that {@code file} can hold the {@code bytes} its header announces after
     * {@code header} bytes: a plain file by its size; a gzip file by deflate's largest ratio (1032 : 1), as
     * its true length is unknown until read; both by the heap budget. What arrives is then read as it comes.
     */
    private static void requireHolds(Path file, int header, long bytes, String what) {
        long size = ReaderSupport.size(file);
        boolean gz = file.getFileName().toString().endsWith(".gz");
        long capacity = gz ? size * MAX_GZIP_RATIO : size - header;
        if (bytes > capacity) {
            throw new CounterweightException(String.format(Locale.ROOT, "%s: truncated: the header announces %s (%,d bytes), the file %s only %,d",
                    file, what, bytes, gz ? "can unpack to" : "holds", Math.max(0, capacity)));
        }
        ReaderSupport.requireMemory(file, bytes, what);
    }

    /** Fills {@code buffer}; a plain or gzip end of data becomes a "truncated" error saying {@code where}. */
    private static void readFully(InputStream in, byte[] buffer, Path file, String where) throws IOException {
        int off = 0;
        try {
            while (off < buffer.length) {
                int r = in.read(buffer, off, buffer.length - off);
                if (r < 0) break;
                off += r;
            }
        } catch (EOFException e) {
            off = -1;
        }
        if (off != buffer.length) throw new CounterweightException(file + ": truncated: " + where);
    }

    private static CounterweightException badMagic(Path file, int magic, int expected) {
        return new CounterweightException(String.format("%s: not an IDX file of this kind (magic 0x%08X, expected 0x%08X)", file, magic, expected));
    }
}
