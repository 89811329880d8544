package io.counterweight.core.experiment;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterweight.core.CounterweightException;
import io.counterweight.core.augment.AugmentConfig;
import io.counterweight.core.data.DatasetFormat;
import io.counterweight.core.sampling.WeightMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The one JSON mapper of the project: snake_case keys, pretty-printed, records as objects. */
public final class ConfigJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ConfigJson() { }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Writes via a temporary file and an atomic move, so a reader never sees half a file, even after a crash. */
    public static void write(Path file, Object value) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, write(value) + System.lineSeparator());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads a config.json, nested (current) or flat (run folders written before the config was split). */
    public static ExperimentConfig readConfig(Path file) {
        try {
            JsonNode tree = MAPPER.readTree(file.toFile());
            if (tree == null || !tree.isObject() || !tree.has("data")) {
                throw new CounterweightException(file + ": not a readable config.json (no \"data\" entry)");
            }
            if (tree.get("data").isTextual()) return MAPPER.treeToValue(tree, FlatConfig.class).toConfig();
            withDefaults(tree, "remedies", ExperimentConfig.Remedies.none());
            withDefaults(tree, "recipe", ExperimentConfig.Recipe.study());
            return MAPPER.treeToValue(tree, ExperimentConfig.class);
        } catch (IOException e) {
            throw new CounterweightException(file + ": not a readable config.json ("
                    + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    /**
     * Fills the settings a run folder written before they existed lacks with their "off" values (a missing
     * number would otherwise read as 0: a τ of 0, a decay factor of 0).
     */
    private static void withDefaults(JsonNode tree, String part, Object defaults) {
        if (!(tree.get(part) instanceof ObjectNode given)) return;
        JsonNode off = MAPPER.valueToTree(defaults);
        off.fields().forEachRemaining(e -> {
            if (!given.has(e.getKey())) given.set(e.getKey(), e.getValue());
        });
    }

    /** The config.json layout of run folders written before 0.2: all seventeen settings at the top level. */
    record FlatConfig(String data, DatasetFormat format, int classes, double imbalance, List<Integer> perClass,
                      int imageSize, long seed, boolean sampler, WeightMode weightMode, double beta,
                      AugmentConfig augment, String model, int epochs, int batch, double learningRate,
                      double momentum, String label) {
        ExperimentConfig toConfig() {
            return new ExperimentConfig(
                    new ExperimentConfig.DataSpec(data, format, classes, imbalance, perClass, imageSize),
                    new ExperimentConfig.Remedies(sampler, weightMode, beta, augment),
                    new ExperimentConfig.Recipe(model, epochs, batch, learningRate, momentum), seed, label);
        }
    }
}
