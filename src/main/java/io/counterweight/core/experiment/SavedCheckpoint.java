package io.counterweight.core.experiment;

import io.counterweight.core.CounterweightException;
import java.io.IOException;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/** A run's checkpoint: model.zip with the updater state (momentum), which a resumed run continues from. */
final class SavedCheckpoint {
    private SavedCheckpoint() { }

    static MultiLayerNetwork restore(Path runDir) {
        Path model = runDir.resolve(RunStore.MODEL);
        try {
            return ModelSerializer.restoreMultiLayerNetwork(model.toFile(), true);
        } catch (IOException | RuntimeException e) {
            throw new CounterweightException(model + ": not a readable checkpoint (" + e.getMessage() + ")", e);
        }
    }
}
