package io.counterweight.app.compare;

import io.counterweight.app.services.EpochView;
import io.counterweight.core.experiment.RunResult;
import java.nio.file.Path;
import java.util.List;

/**
 * One run of a comparison with every epoch it completed (confusion matrix and per-class report), read
 * or collected off the FX thread, so the epoch scrubber never waits for a file.
 *
 * @param name        as shown in legends and column headers (unique within a comparison)
 * @param trainCounts training images per class (the provenance's; null when unknown)
 */
public record ComparedRun(String name, RunResult result, int[] trainCounts, List<EpochView> epochs) {
    public ComparedRun {
        epochs = List.copyOf(epochs);
    }

    public Path runDir() {
        return result.runDir();
    }

    public int epochCount() {
        return epochs.size();
    }

    /** Epoch {@code epoch}, or this run's last one when it has fewer; null when it completed none. */
    public EpochView at(int epoch) {
        if (epochs.isEmpty()) return null;
        return epochs.get(Math.max(0, Math.min(epoch, epochs.size()) - 1));
    }

    public ComparedRun named(String newName) {
        return new ComparedRun(newName, result, trainCounts, epochs);
    }
}
