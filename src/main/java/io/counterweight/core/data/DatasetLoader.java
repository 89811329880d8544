package io.counterweight.core.data;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The one entry point for loading: "demo" or a path, in a given format or detected (AUTO). */
public final class DatasetLoader {
    private DatasetLoader() { }

    /**
     * @param data      a path, or "demo" for the generated data set
     * @param format    the format, or AUTO to detect it from the files
     * @param imageSize side length for folder and IDC images (0 = native size); other formats keep theirs
     * @param seed      seeds the generated demo and the folder / IDC train-test splits
     */
    public static Dataset load(String data, DatasetFormat format, int imageSize, long seed, Progress progress) {
        if (data == null || data.isBlank()) throw new CounterweightException("--data: no data set given (a path or \"demo\")");
        Progress p = progress == null ? Progress.NONE : progress;
        if (format == DatasetFormat.DEMO || data.trim().equalsIgnoreCase("demo")) {
            p.update("generating the demo data set", 0, 1);
            Dataset demo = DemoDataset.generate(seed);
            p.update("generated the demo data set", 1, 1);
            return demo;
        }
        Path path = FileChecks.path(data.trim(), "DATA");
        Path root;
        DatasetFormat f;
        if (format == null || format == DatasetFormat.AUTO) {
            FormatDetector.Located located = FormatDetector.locate(path);
            f = located.format();
            root = located.root();
        } else {
            f = format;
            root = FormatDetector.root(path, format);
        }
        Dataset d = switch (f) {
            case CIFAR10 -> CifarBinaryReader.readCifar10(root, p);
            case CIFAR100 -> CifarBinaryReader.readCifar100(root, p);
            case CIFAR10_PY -> CifarPickleReader.readCifar10(root, p);
            case CIFAR100_PY -> CifarPickleReader.readCifar100(root, p);
            case IDX -> IdxReader.read(root, p);
            case IDC -> IdcReader.read(root, imageSize, seed, p);
            case FOLDER -> FolderReader.read(root, imageSize, seed, p);
            case DEMO, AUTO -> throw new IllegalStateException("unreachable: " + f);
        };
        requireTwoClasses(d, root);
        d.notes().forEach((key, value) -> {
            if (key.startsWith(WARNING)) p.warn(value);
        });
        return d.withNote("source", root.toAbsolutePath().normalize().toString());
    }

    /** Notes whose key starts with this are warnings: also passed to {@link Progress#warn}. */
    public static final String WARNING = "warning";

    /**
     * A classifier needs two classes to learn anything: trained on one, every prediction is right and
     * macro-F1 reads 1.0 (an IDC tree with only 0/ folders did that). Refused with the classes found.
     */
    static void requireTwoClasses(Dataset d, Path root) {
        int[] counts = d.trainCounts();
        List<String> present = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) if (counts[c] > 0) present.add(d.classNames().get(c));
        if (present.size() < 2) {
            throw new CounterweightException(root + ": the training images hold " + (present.isEmpty() ? "no class" : "only the class '" + present.get(0) + "'")
                    + "; a classifier needs at least 2 classes");
        }
    }
}
