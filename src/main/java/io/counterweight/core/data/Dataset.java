package io.counterweight.core.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A loaded image classification data set: class names (id = index), a train and a test split of
 * uint8 images, the format it came from and free-form notes for the user (e.g. the IDC patient split).
 */
public record Dataset(String name, DatasetFormat format, List<String> classNames,
                      ImageSplit train, ImageSplit test, Map<String, String> notes) {

    public Dataset {
        Objects.requireNonNull(name);
        Objects.requireNonNull(format);
        classNames = List.copyOf(classNames);
        Objects.requireNonNull(train);
        Objects.requireNonNull(test);
        if (!train.shape().equals(test.shape())) throw new IllegalArgumentException("train and test shapes differ");
        notes = Map.copyOf(new LinkedHashMap<>(notes));
    }

    public Dataset(String name, DatasetFormat format, List<String> classNames, ImageSplit train, ImageSplit test) {
        this(name, format, classNames, train, test, Map.of());
    }

    public int numClasses() {
        return classNames.size();
    }

    public ImageShape shape() {
        return train.shape();
    }

    public int[] trainCounts() {
        return train.classCounts(numClasses());
    }

    public int[] testCounts() {
        return test.classCounts(numClasses());
    }

    /** Same data set with other splits (class names and notes kept). */
    public Dataset withSplits(ImageSplit newTrain, ImageSplit newTest) {
        return new Dataset(name, format, classNames, newTrain, newTest, notes);
    }

    public Dataset withNote(String key, String value) {
        Map<String, String> n = new LinkedHashMap<>(notes);
        n.put(key, value);
        return new Dataset(name, format, classNames, train, test, n);
    }
}
