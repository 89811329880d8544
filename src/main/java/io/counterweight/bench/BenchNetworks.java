package io.counterweight.bench;

import io.counterweight.core.data.ImageShape;
import io.counterweight.core.model.ModelFactory;
import io.counterweight.core.model.ModelSpec;
import io.counterweight.core.model.ModelTuning;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The benchmark networks: the product's own {@link ModelFactory} models ("study", "lenet" — the same
 * layers as bench/torch_reference.py) on 32×32×3 inputs and 50 classes, with the benchmark's knobs
 * mapped onto {@link ModelTuning} so each can be measured alone.
 */
public final class BenchNetworks {
    public static final int NUM_CLASSES = 50;
    private static final ImageShape SHAPE = new ImageShape(3, 32, 32);

    private BenchNetworks() {}

    public static MultiLayerNetwork build(BenchOptions o) {
        return build(o.model(), NUM_CLASSES, o);
    }

    public static MultiLayerNetwork build(String model, int numClasses, BenchOptions o) {
        // the study's optimiser settings (SGD lr 1e-4, momentum 0.9): speed does not depend on them
        ModelSpec spec = new ModelSpec(model, o.seed(), 1e-4, 0.9);
        ModelTuning tuning = ModelTuning.defaults()
                .withLayout(o.format(), o.workspaceMode())
                .withConvolution(o.fastConv(), o.firstInputGradient());
        return ModelFactory.build(spec, SHAPE, numClasses, tuning);
    }
}
