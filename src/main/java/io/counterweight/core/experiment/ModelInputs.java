package io.counterweight.core.experiment;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.data.DatasetFormat;
import io.counterweight.core.data.ImageConversions;
import io.counterweight.core.data.ImageShape;
import io.counterweight.core.data.ImageSplit;
import io.counterweight.core.data.PixelStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits a loaded data set to a saved model: the images to evaluate, checked to have the run's classes in
 * the run's order and the network's image shape. Nothing is resized here: the loader already resized
 * folder and IDC images to the run's size ({@link SavedModel#imageSizeForLoading()}), and other formats
 * have one fixed size, so a different size means different data.
 */
final class ModelInputs {
    private static final int LISTED = 12;

    private ModelInputs() { }

    /** The test split, or every image when {@code all} or when the data has no test images. */
    static ImageSplit images(Dataset data, boolean all) {
        if (!all && data.test().size() > 0) return data.test();
        ImageSplit train = data.train(), test = data.test();
        int n = train.size() + test.size();
        PixelStore.Builder images = new PixelStore.Builder(data.shape().size(), n, true);
        byte[] image = new byte[data.shape().size()];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            ImageSplit from = i < train.size() ? train : test;
            int j = i < train.size() ? i : i - train.size();
            from.copyInto(j, image, 0);
            images.append(image, 0);
            labels[i] = from.label(j);
        }
        return new ImageSplit(data.shape(), images.build(), labels);
    }

    static void checkClasses(Dataset data, List<String> trained) {
        List<String> have = data.classNames();
        if (have.equals(trained)) return;
        String message = have.size() <= LISTED && trained.size() <= LISTED
                ? data.name() + " has classes " + have + ", the run was trained on " + trained
                : data.name() + " has " + have.size() + " classes, the run was trained on " + trained.size();
        List<String> extra = minus(have, trained), missing = minus(trained, have);
        if (extra.isEmpty() && missing.isEmpty()) message += " (the same classes in another order)";
        if (!extra.isEmpty()) message += "; not in the run: " + shortList(extra);
        if (!missing.isEmpty()) message += "; not in the data: " + shortList(missing);
        throw new CounterweightException(message);
    }

    /**
     * The split in the network's shape. Gray images decoded from files (folder, IDC) become three equal
     * planes for a colour network, as the folder reader makes them when a set mixes gray and colour.
     */
    static ImageSplit fitShape(Dataset data, ImageSplit split, ImageShape trained) {
        ImageShape shape = split.shape();
        if (shape.equals(trained)) return split;
        boolean decoded = data.format() == DatasetFormat.FOLDER || data.format() == DatasetFormat.IDC;
        if (decoded && shape.channels() == 1 && trained.channels() == 3
                && shape.height() == trained.height() && shape.width() == trained.width()) {
            PixelStore.Builder images = new PixelStore.Builder(trained.size(), split.size(), true);
            byte[] image = new byte[shape.size()];
            for (int i = 0; i < split.size(); i++) {
                split.copyInto(i, image, 0);
                images.append(ImageConversions.convert(image, shape, trained), 0);
            }
            return new ImageSplit(trained, images.build(), split.labels());
        }
        throw new CounterweightException(data.name() + " has images of " + shape + ", the run was trained on "
                + trained + " (width x height x channels)");
    }

    private static List<String> minus(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.removeAll(b);
        return out;
    }

    private static String shortList(List<String> names) {
        if (names.size() <= LISTED) return names.toString();
        return names.subList(0, LISTED).toString().replace("]", ", … " + (names.size() - LISTED) + " more]");
    }
}
