package io.counterweight.app.services;

import io.counterweight.core.Progress;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.data.DatasetFormat;
import java.util.List;

/** Loading and long-tail selection of data sets (core.data). */
public interface DataService {
    /** The built-in generated demo set (no download). */
    Dataset demo(long seed);

    /** Loads a folder or file in {@code format} (AUTO detects it); reports progress, honours cancel. */
    Dataset load(String source, DatasetFormat format, long seed, Progress progress);

    /**
     * The first {@code classes} classes (0 = all), then either long-tailed with ratio {@code imbalance} from at
     * most {@code maxPerClass} images a class (0 = the largest class as loaded), or cut to exactly
     * {@code perClass} training images per class (empty = as loaded).
     *
     * @throws io.counterweight.core.CounterweightException when the counts do not fit the data set
     */
    Dataset select(Dataset loaded, int classes, double imbalance, List<Integer> perClass, int maxPerClass, long seed);
}
