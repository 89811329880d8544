package io.counterweight.core.experiment;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.data.ImageConversions;
import io.counterweight.core.data.ImageFiles;
import io.counterweight.core.data.ImageShape;
import io.counterweight.core.data.ImageSplit;
import io.counterweight.core.metrics.ClassificationReport;
import io.counterweight.core.train.BatchAssembler;
import io.counterweight.core.train.Evaluation;
import io.counterweight.core.train.InputPipeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A finished (or stopped) run's network, ready to reuse: restored from {@code model.zip} with the class
 * names and image shape of its {@code provenance.json}. Images are prepared as in training (uint8 CHW at
 * the run's shape, scaled to [0, 1] by {@link BatchAssembler}). One network: calls are serialised.
 */
public final class SavedModel {
    private static final int PREDICT_BATCH = 64;

    private final Path runDir;
    private final ExperimentConfig config;
    private final Provenance provenance;
    private final ImageShape shape;
    private final MultiLayerNetwork net;

    SavedModel(Path runDir, ExperimentConfig config, Provenance provenance, ImageShape shape, MultiLayerNetwork net) {
        this.runDir = runDir;
        this.config = config;
        this.provenance = provenance;
        this.shape = shape;
        this.net = net;
    }

    /** Restores the run's model; a missing, corrupt or mismatched one is a one-line error naming the file. */
    public static SavedModel open(Path runDir) {
        return SavedModelFiles.open(runDir);
    }

    public Path runDir() { return runDir; }

    public ExperimentConfig config() { return config; }

    public List<String> classNames() { return provenance.data().classNames(); }

    /** The network's input: the shape of the images the run trained on. */
    public ImageShape shape() { return shape; }

    /**
     * The {@code --image-size} that gives folder and IDC images this network's shape: the run's own, else
     * the trained side of square images (0 for other formats' fixed sizes does no harm: they ignore it).
     */
    public int imageSizeForLoading() {
        if (config.data().imageSize() > 0) return config.data().imageSize();
        return shape.height() == shape.width() ? shape.height() : 0;
    }

    /** Each image decoded, resized as the folder reader does, and its {@code k} most likely classes. */
    public synchronized List<Prediction> predict(List<Path> images, int k) {
        if (k < 1) throw new CounterweightException("--top must be at least 1, got " + k);
        List<Prediction> out = new ArrayList<>(images.size());
        BatchAssembler assembler = new BatchAssembler();
        for (int from = 0; from < images.size(); from += PREDICT_BATCH) {
            List<Path> chunk = images.subList(from, Math.min(images.size(), from + PREDICT_BATCH));
            byte[][] pixels = new byte[chunk.size()][];
            for (int i = 0; i < pixels.length; i++) pixels[i] = ImageConversions.fromImage(ImageFiles.decode(chunk.get(i)), shape);
            int[] indices = java.util.stream.IntStream.range(0, pixels.length).toArray();
            DataSet batch = assembler.assemble(new ImageSplit(shape, pixels, new int[pixels.length]), classNames().size(), indices);
            float[][] probabilities;
            try {
                probabilities = net.output(batch.getFeatures(), false).toFloatMatrix();
            } finally {
                BatchAssembler.release(batch);
            }
            for (int i = 0; i < pixels.length; i++) out.add(Prediction.of(chunk.get(i), probabilities[i], classNames(), k));
        }
        return out;
    }

    /** Evaluates on {@code data}'s test split (every image when {@code all} or when it has no test split). */
    public synchronized ModelEvaluation evaluate(Dataset data, boolean all) {
        ModelInputs.checkClasses(data, classNames());
        ImageSplit images = ModelInputs.fitShape(data, ModelInputs.images(data, all), shape);
        if (images.size() == 0) throw new CounterweightException(data.name() + ": no images to evaluate on");
        Evaluation eval;
        try (InputPipeline pipeline = new InputPipeline(1, 2)) {
            eval = Evaluation.of(net, images, classNames().size(), pipeline,
                    Evaluation.batchSizeFor(config.recipe().batch(), shape.size()));
        }
        int[] trainCounts = provenance.data().trainCounts().size() == classNames().size() ? provenance.trainCountArray() : null;
        ClassificationReport report = ClassificationReport.of(eval.confusion(), classNames(), trainCounts);
        String split = all || data.test().size() == 0 ? "all" : "test";
        return new ModelEvaluation(runDir, data.name(), split, classNames(), eval.confusion(), report, null);
    }

    /** The restored network (not a copy): for callers that feed it themselves, one thread at a time. */
    public MultiLayerNetwork network() { return net; }
}
