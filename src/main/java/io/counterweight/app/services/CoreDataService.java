package io.counterweight.app.services;

import io.counterweight.core.Progress;
import io.counterweight.core.data.DataSelection;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.data.DatasetFormat;
import io.counterweight.core.data.DatasetLoader;
import io.counterweight.core.data.DemoDataset;
import java.util.List;

/** {@link DataService} over core.data. */
public final class CoreDataService implements DataService {
    @Override
    public Dataset demo(long seed) {
        return DemoDataset.generate(seed);
    }

    @Override
    public Dataset load(String source, DatasetFormat format, long seed, Progress progress) {
        return DatasetLoader.load(source, format, 0, seed, progress);
    }

    @Override
    public Dataset select(Dataset loaded, int classes, double imbalance, List<Integer> perClass, int maxPerClass, long seed) {
        return DataSelection.apply(loaded, classes, imbalance, perClass, maxPerClass, seed);
    }
}
