package io.counterweight.core.experiment;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.data.ImageShape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Reads and checks what {@link SavedModel} needs from a run folder, with one clear error per way it can fail. */
final class SavedModelFiles {
    private SavedModelFiles() { }

    static SavedModel open(Path runDir) {
        if (!Files.isDirectory(runDir)) throw new CounterweightException(runDir + ": no such run folder");
        if (!Files.isRegularFile(runDir.resolve(RunStore.CONFIG))) {
            throw new CounterweightException(runDir + ": not a Counterweight run folder (no " + RunStore.CONFIG + ")");
        }
        ExperimentConfig config = ConfigJson.readConfig(runDir.resolve(RunStore.CONFIG));
        Path model = runDir.resolve(RunStore.MODEL);
        if (!Files.isRegularFile(model)) {
            boolean anyEpoch = Files.isRegularFile(runDir.resolve(RunStore.CONFUSION_DIR).resolve(RunStore.confusionFile(1)));
            throw new CounterweightException(anyEpoch ? model + ": missing, the run folder has no saved model"
                    : runDir + ": the run completed no epoch, so it saved no model (no " + RunStore.MODEL + ")");
        }
        if (!Files.isRegularFile(runDir.resolve(RunStore.PROVENANCE))) {
            throw new CounterweightException(runDir.resolve(RunStore.PROVENANCE) + ": missing (the model's class names are kept there)");
        }
        Provenance provenance = RunStore.readProvenance(runDir);
        if (provenance.data() == null) throw new CounterweightException(runDir.resolve(RunStore.PROVENANCE) + ": no data entry");
        ImageShape shape = parseShape(provenance.data().imageShape(), runDir.resolve(RunStore.PROVENANCE));
        MultiLayerNetwork net = restore(model);
        check(net, shape, provenance.data().classNames(), model);
        return new SavedModel(runDir, config, provenance, shape, net);
    }

    /** "32x32x3" (width x height x channels, as {@link ImageShape#toString()} writes it). */
    static ImageShape parseShape(String text, Path file) {
        try {
            String[] p = text.split("x");
            if (p.length != 3) throw new IllegalArgumentException("not width x height x channels");
            return new ImageShape(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0]));
        } catch (RuntimeException e) {
            throw new CounterweightException(file + ": image_shape " + (text == null ? "missing" : "'" + text + "' unreadable"), e);
        }
    }

    private static MultiLayerNetwork restore(Path model) {
        try {
            return ModelSerializer.restoreMultiLayerNetwork(model.toFile(), false); // the updater is only for training
        } catch (Exception | LinkageError e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new CounterweightException(model + ": not a readable DL4J model (" + why + ")", e);
        }
    }

    /** One forward pass of a blank image: the network takes the recorded shape and has an output per class. */
    private static void check(MultiLayerNetwork net, ImageShape shape, List<String> classNames, Path model) {
        if (classNames.size() < 2) throw new CounterweightException(model.resolveSibling(RunStore.PROVENANCE) + ": no class names");
        long outputs;
        try (INDArray blank = Nd4j.zeros(net.getLayerWiseConfigurations().getDataType(), 1, shape.channels(), shape.height(), shape.width());
             INDArray out = net.output(blank, false)) {
            outputs = out.size(1);
        } catch (RuntimeException e) {
            throw new CounterweightException(model + ": does not take " + shape + " images as provenance.json says (" + e.getMessage() + ")", e);
        }
        if (outputs != classNames.size()) {
            throw new CounterweightException(model + ": the network has " + outputs + " outputs but provenance.json names "
                    + classNames.size() + " classes");
        }
    }
}
