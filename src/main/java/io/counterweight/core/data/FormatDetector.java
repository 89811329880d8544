package io.counterweight.core.data;

import io.counterweight.core.CounterweightException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Tells the data format from the files present. The user may point at the data folder itself, at a file
 * in it, or at the folder above (e.g. the one holding {@code cifar-10-batches-bin/}, or a single folder).
 */
public final class FormatDetector {
    /** The folder names the CIFAR archives unpack to. */
    static final Map<DatasetFormat, String> CIFAR_FOLDERS = Map.of(
            DatasetFormat.CIFAR10, "cifar-10-batches-bin", DatasetFormat.CIFAR100, "cifar-100-binary",
            DatasetFormat.CIFAR10_PY, "cifar-10-batches-py", DatasetFormat.CIFAR100_PY, "cifar-100-python");
    private static final String EXPECTED = "expected cifar-10-batches-bin, cifar-100-binary, cifar-10-batches-py, "
            + "cifar-100-python, MNIST-style IDX files, an IDC patient tree or class sub-folders of images";

    private FormatDetector() { }

    /** A detected format and the folder that holds its files. */
    public record Located(DatasetFormat format, Path root) { }

    public static DatasetFormat detect(Path path) {
        return locate(path).format();
    }

    /** Detects the format and finds the folder its reader should read. */
    public static Located locate(Path path) {
        Path dir = folderOf(path);
        List<Located> named = new ArrayList<>();
        for (DatasetFormat f : List.of(DatasetFormat.CIFAR10, DatasetFormat.CIFAR100, DatasetFormat.CIFAR10_PY, DatasetFormat.CIFAR100_PY)) {
            Path child = dir.resolve(CIFAR_FOLDERS.get(f));
            if (Files.isDirectory(child)) named.add(new Located(f, child));
        }
        if (named.size() > 1) {
            throw new CounterweightException(path + ": holds several data sets (" + named.stream().map(l -> l.root().getFileName().toString()).toList()
                    + "); point --data at one of them");
        }
        if (named.size() == 1) return named.get(0);
        DatasetFormat f = detectIn(dir);
        if (f != null) return new Located(f, dir);
        List<Path> subs = ImageFiles.subdirs(dir);
        if (subs.size() == 1) {
            // A download often unpacks to one extra folder level.
            DatasetFormat inner = detectIn(subs.get(0));
            if (inner != null) return new Located(inner, subs.get(0));
        }
        throw new CounterweightException(path + ": cannot tell the data format (" + EXPECTED + "); use --format");
    }

    /** The folder the reader of {@code format} should read, for a user-chosen format. */
    public static Path root(Path path, DatasetFormat format) {
        Path dir = folderOf(path);
        String conventional = CIFAR_FOLDERS.get(format);
        if (conventional != null && Files.isDirectory(dir.resolve(conventional))) return dir.resolve(conventional);
        return dir;
    }

    private static Path folderOf(Path path) {
        return switch (FileChecks.kind(path)) {
            case MISSING -> throw new CounterweightException(path + ": no such file or directory");
            case SPECIAL -> throw FileChecks.special(path); // listing a named pipe as a folder blocks forever
            case FILE -> path.toAbsolutePath().getParent();
            case DIRECTORY -> path;
        };
    }

    /** The format whose files are directly in {@code dir}, or null. */
    static DatasetFormat detectIn(Path dir) {
        List<String> files = fileNames(dir);
        if (files.stream().anyMatch(n -> n.matches("data_batch_[1-5]\\.bin") || n.equals("test_batch.bin"))) return DatasetFormat.CIFAR10;
        if (files.contains("train.bin") || files.contains("test.bin")) return DatasetFormat.CIFAR100;
        if (files.stream().anyMatch(n -> n.matches("data_batch_[1-5]") || n.equals("test_batch"))) return DatasetFormat.CIFAR10_PY;
        if (files.contains("meta") && (files.contains("train") || files.contains("test"))) return DatasetFormat.CIFAR100_PY;
        if (files.stream().anyMatch(IdxReader::isIdxName)) return DatasetFormat.IDX;
        List<Path> subs = ImageFiles.subdirs(dir);
        if (subs.isEmpty()) return null;
        Path train = dir.resolve("train");
        if (Files.isDirectory(train) && ImageFiles.subdirs(train).stream().anyMatch(ImageFiles::hasImages)) return DatasetFormat.FOLDER;
        if (subs.stream().anyMatch(ImageFiles::hasImages)) return DatasetFormat.FOLDER;
        if (subs.stream().anyMatch(IdcReader::isPatientDir)) return DatasetFormat.IDC;
        return null;
    }

    private static List<String> fileNames(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            // Special files count too, so that the reader refuses a named pipe called data_batch_1.bin by name.
            return s.filter(p -> !Files.isDirectory(p)).map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw ReaderSupport.cannotRead(dir, e);
        }
    }
}
