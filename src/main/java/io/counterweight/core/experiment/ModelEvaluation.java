package io.counterweight.core.experiment;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.metrics.ClassMetrics;
import io.counterweight.core.metrics.ClassificationReport;
import io.counterweight.core.metrics.ConfusionMatrix;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A saved model evaluated on a data set, and where that evaluation is kept in the run folder:
 * {@code evaluations/<yyyyMMdd-HHmmss>-<data>/} with {@code confusion.csv} (as the run's own confusion
 * files) and {@code report.json} (the {@link #toJsonMap()} view).
 *
 * @param split         "test" (the data's test split) or "all" (every image of the data)
 * @param evaluationDir null until {@link #record} wrote it
 */
public record ModelEvaluation(Path runDir, String data, String split, List<String> classNames, ConfusionMatrix confusion,
                              ClassificationReport report, Path evaluationDir) {
    public static final String DIR = "evaluations";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    public ModelEvaluation {
        classNames = List.copyOf(classNames);
    }

    /** Writes the evaluation folder (-2, -3, … when the name is taken) and returns this with its path. */
    public ModelEvaluation record(OffsetDateTime when) {
        Path parent = runDir.resolve(DIR);
        String base = when.format(STAMP) + "-" + RunStore.safe(data);
        try {
            Files.createDirectories(parent);
            Path dir = parent.resolve(base);
            for (int n = 2; ; n++) {
                try {
                    Files.createDirectory(dir);
                    break;
                } catch (FileAlreadyExistsException e) {
                    dir = parent.resolve(base + "-" + n);
                }
            }
            ModelEvaluation recorded = new ModelEvaluation(runDir, data, split, classNames, confusion, report, dir);
            ConfusionCsv.write(dir.resolve("confusion.csv"), confusion, classNames);
            ConfigJson.write(dir.resolve("report.json"), recorded.toJsonMap());
            return recorded;
        } catch (IOException e) {
            throw new CounterweightException(parent + ": cannot write the evaluation (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The CLI's {@code --json} view, with the test keys of {@code train --json} (NaN as null): run_dir, data,
     * split, images, accuracy, macro_f1, balanced_accuracy, head/medium/tail_accuracy, per_class
     * ({name, precision, recall, f1, support}), confusion (rows true, columns predicted), evaluation_dir.
     */
    public Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_dir", runDir.toString());
        m.put("data", data);
        m.put("split", split);
        m.put("images", confusion.total());
        m.put("accuracy", RunResult.finite(report.accuracy()));
        m.put("macro_f1", RunResult.finite(report.macroF1()));
        m.put("balanced_accuracy", RunResult.finite(report.balancedAccuracy()));
        m.put("head_accuracy", RunResult.finite(report.headAccuracy()));
        m.put("medium_accuracy", RunResult.finite(report.mediumAccuracy()));
        m.put("tail_accuracy", RunResult.finite(report.tailAccuracy()));
        List<Map<String, Object>> perClass = new ArrayList<>();
        for (ClassMetrics c : report.perClass()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", c.name());
            row.put("precision", RunResult.finite(c.precision()));
            row.put("recall", RunResult.finite(c.recall()));
            row.put("f1", RunResult.finite(c.f1()));
            row.put("support", c.support());
            perClass.add(row);
        }
        m.put("per_class", perClass);
        m.put("confusion", confusion.toArray());
        m.put("evaluation_dir", evaluationDir == null ? null : evaluationDir.toString());
        return m;
    }
}
