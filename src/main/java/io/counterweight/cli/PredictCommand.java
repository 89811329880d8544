package io.counterweight.cli;

import io.counterweight.core.experiment.ConfigJson;
import io.counterweight.core.experiment.ImageInputs;
import io.counterweight.core.experiment.Prediction;
import io.counterweight.core.experiment.SavedModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code counterweight predict RUN_DIR PATH...}: a run's saved model on image files, the K likeliest classes of each. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Classify images with a run's saved model: one line (or JSON element) per image, likeliest class first.")
final class PredictCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder (with model.zip).")
    Path runDir;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PATH",
            description = "Image files (PNG, JPEG) or folders (every image inside, recursively, sorted).")
    List<Path> paths;

    @Option(names = "--top", paramLabel = "K", defaultValue = "3",
            description = "Classes per image, likeliest first (default: ${DEFAULT-VALUE}; at most the class count).")
    int top;

    @Option(names = "--json", description = "Print one JSON array on stdout: {image, predictions: [{class, probability}]} per image.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        if (top < 1) throw new io.counterweight.core.CounterweightException("--top must be at least 1, got " + top);
        List<Path> images = ImageInputs.expand(paths);
        List<Prediction> predictions = SavedModel.open(runDir).predict(images, top);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ConfigJson.write(toJson(predictions)));
        } else {
            for (Prediction p : predictions) out.println(line(p));
        }
        out.flush();
        return 0;
    }

    static List<Map<String, Object>> toJson(List<Prediction> predictions) {
        List<Map<String, Object>> array = new ArrayList<>();
        for (Prediction p : predictions) {
            List<Map<String, Object>> scored = new ArrayList<>();
            for (Prediction.Scored s : p.top()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("class", s.className());
                m.put("probability", s.probability());
                scored.add(m);
            }
            Map<String, Object> element = new LinkedHashMap<>();
            element.put("image", p.image().toString());
            element.put("predictions", scored);
            array.add(element);
        }
        return array;
    }

    static String line(Prediction p) {
        return p.image() + ": " + p.top().stream()
                .map(s -> String.format(Locale.ROOT, "%s %.3f", s.className(), s.probability()))
                .collect(Collectors.joining(", "));
    }
}
