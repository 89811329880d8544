package io.counterweight.core.data;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.Progress;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.PickleException;

/**
 * Reads the CIFAR "python" versions (as torchvision downloads them): pickled dicts with {@code data}
 * (numpy uint8, N×3072, CHW per row) and {@code labels} / {@code fine_labels}. Keys may be Python 2
 * strings, Python 3 bytes or str; all are matched by their text.
 */
public final class CifarPickleReader {
    private static final int PIXELS = 3072;

    private CifarPickleReader() { }

    /**
     * {@code dir} holds data_batch_1..5 and test_batch (all needed) and batches.meta (else the classes get
     * neutral names and a warning).
     */
    public static Dataset readCifar10(Path dir, Progress progress) {
        List<Path> files = ReaderSupport.requireAll(dir, List.of("data_batch_1", "data_batch_2", "data_batch_3",
                "data_batch_4", "data_batch_5", "test_batch"), "CIFAR-10");
        List<Path> trainFiles = files.subList(0, 5);
        Path testFile = files.get(5);
        List<String> names = names(dir.resolve("batches.meta"), "label_names", 10);
        int[] done = {0, trainFiles.size() + 1};
        ImageSplit train = read(trainFiles, "labels", 10, progress, done);
        ImageSplit test = read(List.of(testFile), "labels", 10, progress, done);
        return named(new Dataset("CIFAR-10", DatasetFormat.CIFAR10_PY, ReaderSupport.neutralNames(10), train, test), names, dir.resolve("batches.meta"));
    }

    /** {@code dir} holds train, test and meta; images get their fine label. */
    public static Dataset readCifar100(Path dir, Progress progress) {
        Path trainFile = dir.resolve("train");
        Path testFile = dir.resolve("test");
        ReaderSupport.requireFile(trainFile);
        ReaderSupport.requireFile(testFile);
        List<String> names = names(dir.resolve("meta"), "fine_label_names", 100);
        int[] done = {0, 2};
        ImageSplit train = read(List.of(trainFile), "fine_labels", 100, progress, done);
        ImageSplit test = read(List.of(testFile), "fine_labels", 100, progress, done);
        return named(new Dataset("CIFAR-100", DatasetFormat.CIFAR100_PY, ReaderSupport.neutralNames(100), train, test), names, dir.resolve("meta"));
    }

    /** @param done {done, total} pickle files, for progress (each pickle is unpickled in one call) */
    private static ImageSplit read(List<Path> files, String labelKey, int numClasses, Progress progress, int[] done) {
        PixelStore.Builder images = new PixelStore.Builder(PIXELS, -1, false);
        int[] labels = new int[0];
        for (Path f : files) {
            ReaderSupport.checkCancelled(progress);
            progress.update("reading " + f.getFileName(), done[0], done[1]);
            Map<?, ?> dict = unpickle(f);
            byte[] pixels = pixels(f, get(dict, "data", f));
            int[] fileLabels = labels(f, get(dict, labelKey, f));
            int n = pixels.length / PIXELS;
            if (fileLabels.length != n) throw new CounterweightException(f + ": " + n + " images but " + fileLabels.length + " labels");
            for (int i = 0; i < n; i++) {
                if (fileLabels[i] < 0 || fileLabels[i] >= numClasses) {
                    throw new CounterweightException(f + ": image " + i + " has label " + fileLabels[i] + ", expected 0.." + (numClasses - 1));
                }
                images.append(pixels, i * PIXELS);
            }
            int old = labels.length;
            labels = Arrays.copyOf(labels, old + n);
            System.arraycopy(fileLabels, 0, labels, old, n);
            progress.update("read " + f.getFileName(), ++done[0], done[1]);
        }
        return new ImageSplit(CifarBinaryReader.SHAPE, images.build(), labels);
    }

    /** The names in the meta pickle, or null when it is missing (see {@link #named}). */
    private static List<String> names(Path meta, String key, int needed) {
        if (FileChecks.kind(meta) == FileChecks.Kind.MISSING) return null;
        Object value = get(unpickle(meta), key, meta);
        if (!(value instanceof List<?> list) || list.size() < needed
                || !list.stream().limit(needed).allMatch(n -> n instanceof String || n instanceof byte[])) {
            throw new CounterweightException(meta + ": '" + key + "' is not a list of " + needed + " class names");
        }
        return list.stream().limit(needed).map(NumpyPickle::text).toList();
    }

    /** The data set with the meta file's names, or neutral names and a warning when it is missing. */
    private static Dataset named(Dataset d, List<String> names, Path meta) {
        if (names == null) return ReaderSupport.withNeutralNames(d, meta, d.numClasses());
        return new Dataset(d.name(), d.format(), names, d.train(), d.test(), d.notes());
    }

    static Map<?, ?> unpickle(Path file) {
        NumpyPickle.register();
        ReaderSupport.requireFile(file);
        long size = ReaderSupport.size(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            Object result = BoundedUnpickler.load(in, size);
            if (result instanceof Map<?, ?> map) return map;
            throw new CounterweightException(file + ": not a CIFAR pickle (holds a " + (result == null ? "None" : result.getClass().getSimpleName()) + ", not a dict)");
        } catch (IOException e) {
            // razorvine's words for the end of the data; other IOExceptions come from the file system.
            String m = String.valueOf(e.getMessage());
            if (m.contains("premature end") || m.contains("expected more bytes")) {
                throw new CounterweightException(file + ": truncated: the pickle ends before its STOP opcode", e);
            }
            throw ReaderSupport.cannotRead(file, e);
        } catch (PickleException e) {
            throw new CounterweightException(file + ": not a readable CIFAR pickle (" + FileChecks.printable(String.valueOf(e.getMessage())) + ")", e);
        } catch (CounterweightException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CounterweightException(file + ": not a readable CIFAR pickle (malformed: " + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** The value under {@code key}, whether the pickle stored the key as str or bytes. */
    private static Object get(Map<?, ?> dict, String key, Path file) {
        for (Map.Entry<?, ?> e : dict.entrySet()) {
            // Only text keys: turning some other key (a huge number, a nested list) into text could take long.
            boolean text = e.getKey() instanceof String || e.getKey() instanceof byte[];
            if (text && key.equals(NumpyPickle.text(e.getKey()))) return e.getValue();
        }
        throw new CounterweightException(file + ": the pickle has no '" + key + "' entry");
    }

    private static byte[] pixels(Path file, Object data) {
        byte[] bytes;
        if (data instanceof NumpyPickle.NdArray a) {
            if (!a.complete()) throw new CounterweightException(file + ": 'data' is an incomplete numpy array (no dtype or data)");
            if (!"u1".equals(a.dtype().code())) throw new CounterweightException(file + ": 'data' has dtype " + a.dtype().code() + ", expected uint8");
            bytes = a.data();
            if (bytes.length != a.elements()) throw new CounterweightException(file + ": truncated: 'data' holds " + bytes.length + " bytes for " + a.elements() + " pixels");
        } else if (data instanceof byte[] || data instanceof String) {
            bytes = NumpyPickle.bytes(data);
        } else {
            throw new CounterweightException(file + ": 'data' is not a uint8 array");
        }
        if (bytes.length % PIXELS != 0) throw new CounterweightException(file + ": 'data' holds " + bytes.length + " bytes, not a multiple of " + PIXELS);
        return bytes;
    }

    private static int[] labels(Path file, Object value) {
        if (value instanceof NumpyPickle.NdArray a) {
            try {
                return a.toInts();
            } catch (RuntimeException e) {
                throw new CounterweightException(file + ": labels array not readable (" + (e instanceof PickleException ? e.getMessage() : "malformed") + ")");
            }
        }
        if (value instanceof List<?> list) {
            int[] out = new int[list.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(list.get(i) instanceof Number n)) throw new CounterweightException(file + ": label " + i + " is not a number");
                out[i] = n.intValue();
            }
            return out;
        }
        throw new CounterweightException(file + ": labels are not a list of numbers");
    }
}
