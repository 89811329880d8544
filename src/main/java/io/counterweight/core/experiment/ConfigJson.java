package io.counterweight.core.experiment;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.counterweight.core.CounterweightException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    public static void write(Path file, Object value) throws IOException {
        Files.writeString(file, write(value) + System.lineSeparator());
    }

    public static ExperimentConfig readConfig(Path file) {
        try {
            return MAPPER.readValue(file.toFile(), ExperimentConfig.class);
        } catch (IOException e) {
            throw new CounterweightException(file + ": not a readable config.json (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }
}
