package io.counterweight.core.data;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.Progress;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Kaggle breast histopathology (IDC) patches: {@code <patient>/0/*.png} and {@code <patient>/1/*.png},
 * named {@code <patient>_idx5_x<X>_y<Y>_class<C>.png}, 50×50 RGB. Patches cut at a slide edge are smaller;
 * they are drawn at the top-left of a black 50×50 canvas (black = no tissue) so every image has one shape.
 * Train and test are split by patient, so no patient's tissue is seen in both.
 */
public final class IdcReader {
    public static final List<String> CLASS_NAMES = List.of("IDC(-)", "IDC(+)");
    static final int PATCH = 50;
    static final double TEST_FRACTION = 0.2;
    private static final Pattern NAME = Pattern.compile("(.+)_idx5_x(\\d+)_y(\\d+)_class([01])\\.png", Pattern.CASE_INSENSITIVE);

    private IdcReader() { }

    private record Patch(Path file, int label, String patient) { }

    /** True when {@code dir} looks like a patient folder: a 0/ or 1/ sub-folder and no other sub-folder. */
    static boolean isPatientDir(Path dir) {
        List<Path> subs = ImageFiles.subdirs(dir);
        return !subs.isEmpty() && subs.stream().allMatch(p -> p.getFileName().toString().matches("[01]"));
    }

    /**
     * @param imageSize side to resize the 50×50 patches to, or 0 to keep 50
     */
    public static Dataset read(Path root, int imageSize, long seed, Progress progress) {
        List<Path> patientDirs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path p : ImageFiles.subdirs(root)) {
            // The Kaggle archive repeats all patients under IDC_regular_ps50_idx5/: such folders are skipped.
            if (isPatientDir(p)) patientDirs.add(p);
            else skipped.add(p.getFileName().toString());
        }
        if (patientDirs.size() < 2) {
            throw new CounterweightException(root + ": IDC needs at least 2 patient folders (each with 0/ and 1/) to split by patient, found " + patientDirs.size());
        }
        List<String> patients = patientDirs.stream().map(p -> p.getFileName().toString()).toList();
        Set<String> testPatients = testPatients(patients, seed);
        List<Patch> train = new ArrayList<>();
        List<Patch> test = new ArrayList<>();
        for (Path dir : patientDirs) {
            String patient = dir.getFileName().toString();
            List<Patch> target = testPatients.contains(patient) ? test : train;
            for (int label = 0; label <= 1; label++) {
                Path classDir = dir.resolve(String.valueOf(label));
                if (Files.isDirectory(classDir)) target.addAll(patches(classDir, label, patient));
            }
        }
        if (train.isEmpty() || test.isEmpty()) throw new CounterweightException(root + ": no IDC patches (.png) found in the patient folders");
        requireBothClasses(root, train, "training", patients.size() - testPatients.size());
        requireBothClasses(root, test, "test", testPatients.size());
        int side = imageSize > 0 ? imageSize : PATCH;
        ImageShape shape = new ImageShape(3, side, side);
        ReaderSupport.requireMemory(root, (train.size() + test.size()) * (long) shape.size(), (train.size() + test.size()) + " patches of " + shape);
        long[] done = {0};
        long total = train.size() + test.size();
        ImageSplit trainSplit = decode(train, shape, progress, done, total);
        ImageSplit testSplit = decode(test, shape, progress, done, total);
        String note = "train: " + (patients.size() - testPatients.size()) + " patients, test: " + testPatients.size() + " patients";
        Dataset d = new Dataset("IDC", DatasetFormat.IDC, CLASS_NAMES, trainSplit, testSplit).withNote("patient_split", note);
        return skipped.isEmpty() ? d : d.withNote("skipped_folders", String.join(", ", skipped));
    }

    /**
     * IDC is binary: a split without one of the classes trains a one-class model (macro-F1 1.0 on such a
     * test set) or cannot measure a class at all. Refused, naming the missing class.
     */
    private static void requireBothClasses(Path root, List<Patch> split, String which, int patients) {
        for (int label = 0; label <= 1; label++) {
            final int l = label;
            if (split.stream().noneMatch(p -> p.label() == l)) {
                throw new CounterweightException(root + ": the " + which + " patients (" + patients + ") have no " + CLASS_NAMES.get(label)
                        + " patches (" + label + "/ folders with .png files); IDC needs both classes in training and test"
                        + (which.equals("test") ? " (another --seed picks other test patients)" : ""));
            }
        }
    }

    /** A seeded ~20% of the patients (at least one, never all), chosen from the sorted list. */
    static Set<String> testPatients(List<String> patients, long seed) {
        List<String> order = new ArrayList<>(patients);
        Collections.sort(order);
        Collections.shuffle(order, new Random(seed));
        int nTest = Math.min(order.size() - 1, Math.max(1, (int) Math.round(TEST_FRACTION * order.size())));
        return new HashSet<>(order.subList(0, nTest));
    }

    private static List<Patch> patches(Path classDir, int label, String patient) {
        List<Patch> out = new ArrayList<>();
        for (Path f : ImageFiles.images(classDir)) {
            Matcher m = NAME.matcher(f.getFileName().toString());
            if (m.matches() && Integer.parseInt(m.group(4)) != label) {
                throw new CounterweightException(f + ": file name says class " + m.group(4) + " but it is in folder " + label + "/");
            }
            out.add(new Patch(f, label, patient));
        }
        return out;
    }

    private static ImageSplit decode(List<Patch> patches, ImageShape shape, Progress progress, long[] done, long total) {
        PixelStore.Builder images = new PixelStore.Builder(shape.size(), patches.size(), true);
        int[] labels = new int[patches.size()];
        String[] groups = new String[patches.size()];
        for (int i = 0; i < labels.length; i++) {
            Patch p = patches.get(i);
            images.append(ImageConversions.fromImage(padded(ImageFiles.decode(p.file())), shape), 0);
            labels[i] = p.label();
            groups[i] = p.patient();
            if (++done[0] % 500 == 0 || done[0] == total) {
                ReaderSupport.checkCancelled(progress);
                progress.update("reading IDC patches", done[0], total);
            }
        }
        return new ImageSplit(shape, images.build(), labels, groups);
    }

    /** The patch on a black 50×50 canvas at the top-left (edge patches are smaller; larger ones are cropped). */
    private static BufferedImage padded(BufferedImage img) {
        if (img.getWidth() == PATCH && img.getHeight() == PATCH) return img;
        BufferedImage canvas = new BufferedImage(PATCH, PATCH, BufferedImage.TYPE_INT_RGB);
        int w = Math.min(PATCH, img.getWidth());
        int h = Math.min(PATCH, img.getHeight());
        canvas.setRGB(0, 0, w, h, img.getRGB(0, 0, w, h, null, 0, w), 0, w);
        return canvas;
    }
}
