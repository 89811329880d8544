package io.counterweight.core.model;

import io.counterweight.core.CounterweightException;
import java.util.List;

/**
 * What {@link ModelFactory} needs to build a network: the architecture's name, the seed of its initial
 * weights and the optimiser's settings (SGD with momentum). Nothing of the experiment around it, so the
 * model layer depends on no layer above it.
 *
 * @param architecture one of {@link #ARCHITECTURES}
 */
public record ModelSpec(String architecture, long seed, double learningRate, double momentum) {
    public static final List<String> ARCHITECTURES = List.of("study", "lenet", "mlp");

    /** @throws CounterweightException when the name is not one of {@link #ARCHITECTURES} */
    public static void checkArchitecture(String name) {
        if (!ARCHITECTURES.contains(name)) {
            throw new CounterweightException("--model must be one of " + String.join(", ", ARCHITECTURES) + ", got '" + name + "'");
        }
    }
}
