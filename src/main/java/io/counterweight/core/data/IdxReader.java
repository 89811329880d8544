package io.counterweight.core.data;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.Progress;
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
        int numClasses = 1 + Math.max(max(train), max(test));
        boolean fashion = dir.toAbsolutePath().toString().toLowerCase(Locale.ROOT).contains("fashion");
        List<String> names = new ArrayList<>();
        for (int c = 0; c < numClasses; c++) names.add(fashion && numClasses <= 10 ? FASHION_NAMES.get(c) : String.valueOf(c));
        return new Dataset(fashion ? "Fashion-MNIST" : "MNIST", DatasetFormat.IDX, names, train, test);
    }

    private static Path find(Path dir, String split, String kind, int dims) {
        for (String sep : new String[] {"-", "."}) {
            for (String ext : new String[] {"", ".gz"}) {
                Path f = dir.resolve(split + "-" + kind + sep + "idx" + dims + "-ubyte" + ext);
                if (Files.isRegularFile(f)) return f;
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
            byte[][] images = new byte[n][];
            for (int i = 0; i < n; i++) {
                images[i] = new byte[shape.size()];
                readFully(in, images[i], imagesFile, "ends inside image " + (i + 1) + " of " + n);
                if ((i + 1) % REPORT_EVERY == 0) {
                    ReaderSupport.checkCancelled(progress);
                    progress.update("reading " + imagesFile.getFileName(), i + 1, n);
                }
            }
            return new ImageSplit(shape, images, labels);
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
            byte[] raw = new byte[n];
            readFully(in, raw, file, "holds fewer than the " + n + " labels its header announces");
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) labels[i] = raw[i] & 0xFF;
            return labels;
        } catch (EOFException e) {
            throw new CounterweightException(file + ": truncated: the header is incomplete");
        } catch (IOException e) {
            throw ReaderSupport.cannotRead(file, e);
        }
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

    private static int max(ImageSplit split) {
        int m = 0;
        for (int i = 0; i < split.size(); i++) m = Math.max(m, split.label(i));
        return m;
    }
}
