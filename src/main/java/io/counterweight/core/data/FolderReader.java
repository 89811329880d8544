package io.counterweight.core.data;

import io.counterweight.core.Permutations;
import io.counterweight.core.CounterweightException;
import io.counterweight.core.Progress;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Reads a plain image folder: one sub-folder per class of PNG/JPEG/BMP/GIF files, either directly or
 * under {@code train/} and {@code test/}. Without a test folder, 20% of each class (at least one image
 * when the class has two or more) goes to test, chosen by a seeded shuffle. Class ids follow the sorted
 * folder names. The data set is gray (1 channel) only when every image is gray.
 */
public final class FolderReader {
    static final double TEST_FRACTION = 0.2;

    private FolderReader() { }

    /** One image file and its class id. */
    record Item(Path file, int label) { }

    /**
     * @param imageSize side of the square images are resized to, or 0 for the size of the first image
     *                  (images of other sizes are resized to it)
     */
    public static Dataset read(Path root, int imageSize, long seed, Progress progress) {
        boolean splitFolders = Files.isDirectory(root.resolve("train"));
        Path trainRoot = splitFolders ? root.resolve("train") : root;
        Path testRoot = root.resolve("test");
        List<Path> classDirs = ImageFiles.subdirs(trainRoot);
        if (classDirs.isEmpty()) throw new CounterweightException(trainRoot + ": no class sub-folders of images");
        List<String> names = classDirs.stream().map(p -> p.getFileName().toString()).toList();

        List<Item> train = new ArrayList<>();
        List<Item> test = new ArrayList<>();
        String split;
        if (splitFolders && Files.isDirectory(testRoot)) {
            for (int c = 0; c < classDirs.size(); c++) train.addAll(items(classDirs.get(c), c));
            for (Path dir : ImageFiles.subdirs(testRoot)) {
                int c = names.indexOf(dir.getFileName().toString());
                if (c < 0) throw new CounterweightException(dir + ": class folder has no match under " + trainRoot);
                test.addAll(items(dir, c));
            }
            split = "train/ and test/ folders";
        } else {
            SplittableRandom rng = new SplittableRandom(seed);
            for (int c = 0; c < classDirs.size(); c++) {
                List<Item> all = items(classDirs.get(c), c);
                splitClass(all, rng.split(), train, test);
            }
            split = "20% of each class to test (seed " + seed + ")";
        }
        BufferedImage first = ImageFiles.decode(train.get(0).file());
        int h = imageSize > 0 ? imageSize : first.getHeight();
        int w = imageSize > 0 ? imageSize : first.getWidth();
        ReaderSupport.requireMemory(trainRoot, (train.size() + test.size()) * 3L * h * w,
                (train.size() + test.size()) + " images of " + w + " x " + h + (imageSize > 0 ? "" : " (the first image's size; see --image-size)"));
        Decoder decoder = new Decoder(new ImageShape(3, h, w), train.size() + test.size(), progress);
        PixelStore trainImages = decoder.decodeAll(train);
        PixelStore testImages = decoder.decodeAll(test);
        ImageShape shape = new ImageShape(decoder.allGray ? 1 : 3, h, w);
        ImageSplit trainSplit = new ImageSplit(shape, decoder.finish(trainImages), labels(train));
        ImageSplit testSplit = new ImageSplit(shape, decoder.finish(testImages), labels(test));
        return new Dataset(String.valueOf(root.toAbsolutePath().normalize().getFileName()), DatasetFormat.FOLDER, names, trainSplit, testSplit)
                .withNote("split", split);
    }

    private static List<Item> items(Path classDir, int label) {
        List<Path> files = ImageFiles.images(classDir);
        if (files.isEmpty()) throw new CounterweightException(classDir + ": class folder has no images");
        return files.stream().map(f -> new Item(f, label)).toList();
    }

    /** Seeded shuffle of one class; the first 20% (≥ 1 when there are ≥ 2) go to test; both keep file order. */
    static void splitClass(List<Item> all, SplittableRandom rng, List<Item> train, List<Item> test) {
        int n = all.size();
        int nTest = n < 2 ? 0 : Math.max(1, (int) Math.round(TEST_FRACTION * n));
        int[] order = Permutations.shuffled(n, rng);
        boolean[] isTest = new boolean[n];
        for (int i = 0; i < nTest; i++) isTest[order[i]] = true;
        for (int i = 0; i < n; i++) (isTest[i] ? test : train).add(all.get(i));
    }

    private static int[] labels(List<Item> items) {
        return items.stream().mapToInt(Item::label).toArray();
    }

    /** Decodes to 3-channel CHW at the target size, tracking whether every image was gray. */
    private static final class Decoder {
        final ImageShape rgb;
        final long total;
        final Progress progress;
        long done;
        boolean allGray = true;

        Decoder(ImageShape rgb, long total, Progress progress) {
            this.rgb = rgb;
            this.total = total;
            this.progress = progress;
        }

        PixelStore decodeAll(List<Item> items) {
            PixelStore.Builder out = new PixelStore.Builder(rgb.size(), items.size(), true);
            for (Item item : items) {
                BufferedImage img = ImageFiles.decode(item.file());
                allGray &= ImageConversions.isGray(img);
                out.append(ImageConversions.fromImage(img, rgb), 0);
                if (++done % 200 == 0 || done == total) {
                    ReaderSupport.checkCancelled(progress);
                    progress.update("reading images", done, total);
                }
            }
            return out.build();
        }

        /** Keeps only the first plane when all images were gray (r = g = b there). */
        PixelStore finish(PixelStore images) {
            if (!allGray) return images;
            int plane = rgb.height() * rgb.width();
            PixelStore.Builder gray = new PixelStore.Builder(plane, images.size(), true);
            byte[] image = new byte[rgb.size()];
            for (int i = 0; i < images.size(); i++) {
                images.copyInto(i, image, 0);
                gray.append(image, 0);
            }
            return gray.build();
        }
    }
}
