package io.counterweight.core.data;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CIFAR binary versions: fixed-size records of label byte(s) then 3,072 pixel bytes
 * (1,024 red, 1,024 green, 1,024 blue, each 32×32 row-major), which is already our CHW layout.
 */
public final class CifarBinaryReader {
    static final ImageShape SHAPE = new ImageShape(3, 32, 32);
    private static final int PIXELS = 3072;
    private static final int REPORT_EVERY = 2000;

    private CifarBinaryReader() { }

    static final List<String> CIFAR10_FILES = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
            "data_batch_4.bin", "data_batch_5.bin", "test_batch.bin");

    /**
     * {@code dir} holds data_batch_1..5.bin and test_batch.bin (all needed) and batches.meta.txt (else the
     * classes get neutral names and a warning).
     */
    public static Dataset readCifar10(Path dir, Progress progress) {
        List<Path> files = ReaderSupport.requireAll(dir, CIFAR10_FILES, "CIFAR-10");
        List<Path> trainFiles = files.subList(0, 5);
        Path testFile = files.get(5);
        Layout layout = new Layout(1, 0, 10);
        List<Path> all = new ArrayList<>(trainFiles);
        all.add(testFile);
        long total = countRecords(all, layout.recordSize());
        long[] done = {0};
        ImageSplit train = read(trainFiles, layout, progress, done, total);
        ImageSplit test = read(List.of(testFile), layout, progress, done, total);
        Dataset d = new Dataset("CIFAR-10", DatasetFormat.CIFAR10, ReaderSupport.neutralNames(10), train, test);
        return ReaderSupport.withNames(d, dir.resolve("batches.meta.txt"), 10);
    }

    /** {@code dir} holds train.bin, test.bin and fine_label_names.txt; images get their fine label. */
    public static Dataset readCifar100(Path dir, Progress progress) {
        Path trainFile = dir.resolve("train.bin");
        Path testFile = dir.resolve("test.bin");
        ReaderSupport.requireFile(trainFile);
        ReaderSupport.requireFile(testFile);
        Layout layout = new Layout(2, 1, 100);
        long total = countRecords(List.of(trainFile, testFile), layout.recordSize());
        long[] done = {0};
        ImageSplit train = read(List.of(trainFile), layout, progress, done, total);
        ImageSplit test = read(List.of(testFile), layout, progress, done, total);
        Dataset d = new Dataset("CIFAR-100", DatasetFormat.CIFAR100, ReaderSupport.neutralNames(100), train, test);
        return ReaderSupport.withNames(d, dir.resolve("fine_label_names.txt"), 100);
    }

    /** Label bytes before the pixels, which of them is the label we keep, and how many classes exist. */
    private record Layout(int labelBytes, int labelIndex, int numClasses) {
        int recordSize() {
            return labelBytes + PIXELS;
        }
    }

    /** Records in all files; also checks that each file is a whole number of records. */
    private static long countRecords(List<Path> files, int recordSize) {
        long total = 0;
        for (Path f : files) {
            long bytes = ReaderSupport.size(f);
            if (bytes == 0) throw new CounterweightException(f + ": empty file");
            if (bytes % recordSize != 0) {
                throw new CounterweightException(f + ": truncated: " + bytes + " bytes is not a multiple of " + recordSize);
            }
            total += bytes / recordSize;
        }
        return total;
    }

    private static ImageSplit read(List<Path> files, Layout layout, Progress progress, long[] done, long total) {
        long records = countRecords(files, layout.recordSize());
        ReaderSupport.requireMemory(files.get(0), records * PIXELS, records + " images");
        int n = (int) records;
        PixelStore.Builder images = new PixelStore.Builder(PIXELS, n, true);
        int[] labels = new int[n];
        byte[] record = new byte[layout.recordSize()];
        int k = 0;
        for (Path f : files) {
            ReaderSupport.checkCancelled(progress);
            progress.update("reading " + f.getFileName(), done[0], total);
            int inFile = 0;
            try (InputStream in = ReaderSupport.open(f)) {
                while (k < n && ReaderSupport.readRecord(in, record, f)) {
                    int label = record[layout.labelIndex()] & 0xFF;
                    if (label >= layout.numClasses()) {
                        throw new CounterweightException(f + ": record " + inFile + " has label " + label
                                + ", expected 0.." + (layout.numClasses() - 1));
                    }
                    labels[k] = label;
                    images.append(record, layout.labelBytes());
                    k++;
                    inFile++;
                    if (++done[0] % REPORT_EVERY == 0) {
                        ReaderSupport.checkCancelled(progress);
                        progress.update("reading " + f.getFileName(), done[0], total);
                    }
                }
            } catch (IOException e) {
                throw ReaderSupport.cannotRead(f, e);
            }
        }
        if (k != n) throw new CounterweightException(files.get(files.size() - 1) + ": changed while being read");
        progress.update("read " + k + " images", done[0], total);
        return new ImageSplit(SHAPE, images.build(), labels);
    }
}
