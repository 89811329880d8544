package io.counterweight.app.services;

import io.counterweight.core.Progress;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.data.DatasetFormat;

/** Loading and long-tail selection of data sets (core.data). */
public interface DataService {
    /** The built-in generated demo set (no download). */
    Dataset demo(long seed);

    /** Loads a folder or file in {@code format} (AUTO detects it); reports progress, honours cancel. */
    Dataset load(String source, DatasetFormat format, long seed, Progress progress);

    /** The first {@code classes} classes (0 = all), long-tailed with ratio {@code imbalance}. */
    Dataset select(Dataset loaded, int classes, double imbalance, long seed);
}
