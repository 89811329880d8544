package io.counterweight.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.junit.jupiter.api.Test;

import io.counterweight.bench.BenchNetworks;
import io.counterweight.bench.BenchOptions;

class NetworkCostTest {

    @Test
    void countsLenetsMultiplyAddsLayerByLayer() {
        var lenet = BenchNetworks.build(BenchOptions.of("lenet", 32, 1)).getLayerWiseConfigurations();
        double expected = 2.0 * (28 * 28 * 6 * 3 * 25     // conv 5x5, 3 -> 6 channels, 28x28 out
                + 10 * 10 * 16 * 6 * 25                     // conv 5x5, 6 -> 16, 10x10 out
                + 400 * 120 + 120 * 84 + 84 * 50);          // dense layers
        InputType in = InputType.convolutional(32, 32, 3);
        assertEquals(expected, NetworkCost.forwardFlopsPerImage(lenet, in), 1e-6);
        assertEquals(3 * expected, NetworkCost.trainingFlopsPerImage(lenet, in), 1e-6);
    }

    @Test
    void theStudyCnnCostsAboutNineTimesLenet() {
        InputType in = InputType.convolutional(32, 32, 3);
        double study = NetworkCost.trainingFlopsPerImage(BenchNetworks.build(BenchOptions.of("study", 32, 1)).getLayerWiseConfigurations(), in);
        // conv 3x3 same 3 -> 32 at 32x32, conv 3x3 same 32 -> 64 at 16x16, dense 4096 -> 128 -> 50
        double expected = 3 * 2.0 * (32 * 32 * 32 * 3 * 9 + 16 * 16 * 64 * 32 * 9 + 4096 * 128 + 128 * 50);
        assertEquals(expected, study, 1e-6);
    }
}
