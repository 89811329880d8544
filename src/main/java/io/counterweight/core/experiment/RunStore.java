package io.counterweight.core.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterweight.core.CounterweightException;
import io.counterweight.core.metrics.ClassificationReport;
import io.counterweight.core.metrics.ConfusionMatrix;
import io.counterweight.core.model.OutputLoss;
import io.counterweight.core.train.TrainingEvent;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * One run folder, {@code <out>/<yyyyMMdd-HHmmss>-<label>-<model>} (with -2, -3, … if taken), written as
 * the run goes so a crash or divergence keeps every completed epoch:
 * <pre>
 * config.json        the ExperimentConfig (enough to repeat the run)
 * provenance.json    seed, data fingerprint and counts, versions, OS, device, times, status
 * metrics.csv        one row an epoch (rewritten after each epoch)
 * confusion/epoch-001.csv …   each epoch's confusion matrix (class names as header)
 * predictions/epoch-001.csv …  each epoch's per-test-image prediction: index,true,predicted,probability
 * model.zip          the network after the last completed epoch (DL4J ModelSerializer, with updater)
 * result.json        the RunResult summary, written when the run ends (finished or cancelled)
 * </pre>
 */
public final class RunStore {
    public static final String CONFIG = "config.json";
    public static final String PROVENANCE = "provenance.json";
    public static final String METRICS = "metrics.csv";
    public static final String CONFUSION_DIR = "confusion";
    public static final String MODEL = "model.zip";
    public static final String PREDICTIONS_DIR = "predictions";
    public static final String RESULT = "result.json";
    /** The entry in model.zip that says after which epoch it was saved. */
    static final String CHECKPOINT_EPOCH = "counterweight-epoch";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path dir;
    private final List<String> classNames;
    private final List<EpochMetrics> history = new ArrayList<>();

    private RunStore(Path dir, List<String> classNames) {
        this.dir = dir;
        this.classNames = List.copyOf(classNames);
    }

    /** Makes the run folder under {@code outDir} and writes {@code config.json}. */
    public static RunStore create(Path outDir, ExperimentConfig cfg, List<String> classNames, OffsetDateTime start) {
        String base = start.format(STAMP) + "-" + safe(cfg.label()) + "-" + safe(cfg.recipe().model());
        try {
            Files.createDirectories(outDir);
            Path dir = outDir.resolve(base);
            for (int n = 2; ; n++) {
                try {
                    Files.createDirectory(dir);
                    break;
                } catch (FileAlreadyExistsException e) {
                    dir = outDir.resolve(base + "-" + n);
                }
            }
            Files.createDirectory(dir.resolve(CONFUSION_DIR));
            ConfigJson.write(dir.resolve(CONFIG), cfg);
            return new RunStore(dir, classNames);
        } catch (IOException e) {
            throw new CounterweightException("--out " + outDir + ": cannot create a run folder (" + e.getMessage() + ")", e);
        }
    }

    public Path dir() {
        return dir;
    }

    public List<EpochMetrics> history() {
        return List.copyOf(history);
    }

    public void writeProvenance(Provenance p) {
        writeJson(PROVENANCE, p);
    }

    /** Adds the epoch to metrics.csv (rewritten whole) and writes its confusion matrix and per-image predictions. */
    public void recordEpoch(TrainingEvent.EpochDone e) {
        if (e.predictions() != null) {
            PredictionsCsv.write(dir.resolve(PREDICTIONS_DIR).resolve(confusionFile(e.epoch())), e.predictions());
        }
        ConfusionCsv.write(dir.resolve(CONFUSION_DIR).resolve(confusionFile(e.epoch())), e.confusion(), classNames);
        history.add(EpochMetrics.of(e));
        MetricsCsv.write(dir.resolve(METRICS), history); // last: a row in metrics.csv means the epoch's files exist
    }

    /**
     * Saves the network after {@code epoch} with its updater state, the checkpoint a resumed run continues
     * from, via a temporary file. The epoch goes inside the zip: a process killed between writing the
     * metrics and the model leaves a model one epoch behind them, and {@link #reopen} trusts the model.
     */
    public void writeModel(MultiLayerNetwork net, int epoch) {
        OutputLoss.plainWhile(net, () -> writeCheckpoint(net, epoch));
    }

    /** model.zip with the plain loss (see {@link OutputLoss#plainWhile}); a resumed run restores the remedy's from config. */
    private void writeCheckpoint(MultiLayerNetwork net, int epoch) {
        Path tmp = dir.resolve(MODEL + ".tmp");
        try {
            ModelSerializer.writeModel(net, tmp.toFile(), true);
            ModelSerializer.addObjectToFile(tmp.toFile(), CHECKPOINT_EPOCH, epoch);
            Files.move(tmp, dir.resolve(MODEL), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CounterweightException(dir.resolve(MODEL) + ": cannot save the model (" + e.getMessage() + ")", e);
        }
    }

    public void writeResult(RunResult r) {
        writeJson(RESULT, r.toJsonMap());
    }

    /** result.json of a run that ended in an error: what it completed, its status (diverged or failed) and the error. */
    public void writeFailure(RunResult partial, RunStatus status, String error) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(partial.toJsonMap());
        m.put("status", status.id());
        m.put("error", error);
        writeJson(RESULT, m);
    }

    /** The epoch after which model.zip was saved; 0 when there is no model (no epoch completed). */
    public static int checkpointEpoch(Path runDir) {
        Path model = runDir.resolve(MODEL);
        if (!Files.isRegularFile(model)) return 0;
        try {
            Integer epoch = ModelSerializer.getObjectFromFile(model.toFile(), CHECKPOINT_EPOCH);
            return epoch == null ? 0 : epoch;
        } catch (RuntimeException e) {
            throw new CounterweightException(model + ": no readable checkpoint (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The store of an existing run folder, to continue it after its epoch {@code epochs}: metrics.csv keeps
     * the first {@code epochs} rows, later confusion files are removed (a killed process may have written
     * one epoch past its last model).
     */
    public static RunStore reopen(Path runDir, List<String> classNames, int epochs) {
        RunStore store = new RunStore(runDir, classNames);
        List<EpochMetrics> kept = Files.isRegularFile(runDir.resolve(METRICS))
                ? MetricsCsv.read(runDir.resolve(METRICS)).stream().filter(m -> m.epoch() <= epochs).toList() : List.of();
        if (kept.size() != epochs) {
            throw new CounterweightException(runDir + ": " + METRICS + " holds " + kept.size() + " of the " + epochs
                    + " epochs the model was saved after; the folder cannot be continued");
        }
        store.history.addAll(kept);
        MetricsCsv.write(runDir.resolve(METRICS), store.history);
        for (String folder : List.of(CONFUSION_DIR, PREDICTIONS_DIR)) deleteEpochFilesAfter(runDir.resolve(folder), epochs);
        return store;
    }

    /** Removes {@code epoch-NNN.csv} files of epochs after {@code epochs} from {@code folder} (if it exists). */
    private static void deleteEpochFilesAfter(Path folder, int epochs) {
        if (!Files.isDirectory(folder)) return;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.matches("epoch-\\d+\\.csv") && Integer.parseInt(name.replaceAll("\\D", "")) > epochs) Files.delete(f);
            }
        } catch (IOException e) {
            throw new CounterweightException(folder + ": cannot tidy (" + e.getMessage() + ")", e);
        }
    }

    public static String confusionFile(int epoch) {
        return String.format("epoch-%03d.csv", epoch);
    }

    /**
     * Reads a run folder back (also one that was cancelled or stopped early): config, metrics history,
     * the last epoch's confusion matrix and the report recomputed from it with the provenance's counts.
     */
    public static RunResult open(Path runDir) {
        if (!Files.isRegularFile(runDir.resolve(CONFIG))) {
            throw new CounterweightException(runDir + ": not a Counterweight run folder (no " + CONFIG + ")");
        }
        ExperimentConfig cfg = ConfigJson.readConfig(runDir.resolve(CONFIG));
        Provenance prov = readProvenance(runDir);
        List<EpochMetrics> history = Files.isRegularFile(runDir.resolve(METRICS))
                ? MetricsCsv.read(runDir.resolve(METRICS)) : List.of();
        ConfusionMatrix cm = null;
        ClassificationReport report = null;
        if (!history.isEmpty()) {
            Path last = runDir.resolve(CONFUSION_DIR).resolve(confusionFile(history.get(history.size() - 1).epoch()));
            ConfusionCsv.Named named = ConfusionCsv.read(last);
            cm = named.matrix();
            report = ClassificationReport.of(cm, named.classNames(), prov.trainCountArray());
        }
        boolean cancelled = !"completed".equals(prov.status());
        Path resultFile = runDir.resolve(RESULT);
        if (Files.isRegularFile(resultFile)) {
            Object c = readJson(resultFile, Map.class).get("cancelled");
            if (c instanceof Boolean b) cancelled = b;
        }
        return RunResult.of(runDir, cfg, cancelled, report, cm, history);
    }

    /** The run's provenance.json (data counts, versions, device, status). */
    public static Provenance readProvenance(Path runDir) {
        Path file = runDir.resolve(PROVENANCE);
        try {
            JsonNode tree = ConfigJson.mapper().readTree(file.toFile());
            if (tree != null && tree.has("data_name")) { // the flat layout of run folders written before 0.2
                return ConfigJson.mapper().treeToValue(tree, Provenance.Flat.class).toProvenance();
            }
            return ConfigJson.mapper().treeToValue(tree, Provenance.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new CounterweightException(file + ": not readable (" + firstLine(e) + ")", e);
        }
    }

    /** Run folders directly under {@code outDir}, oldest first (names start with the time stamp). */
    public static List<Path> list(Path outDir) {
        if (!Files.isDirectory(outDir)) return List.of();
        try (Stream<Path> s = Files.list(outDir)) {
            return s.filter(p -> Files.isRegularFile(p.resolve(CONFIG))).sorted().toList();
        } catch (IOException e) {
            throw new CounterweightException(outDir + ": cannot list run folders (" + e.getMessage() + ")", e);
        }
    }

    private void writeJson(String name, Object value) {
        try {
            ConfigJson.write(dir.resolve(name), value);
        } catch (IOException e) {
            throw new CounterweightException(dir.resolve(name) + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    private static <T> T readJson(Path file, Class<T> type) {
        try {
            return ConfigJson.mapper().readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new CounterweightException(file + ": not readable (" + firstLine(e) + ")", e);
        }
    }

    private static String firstLine(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    }

    /** File-name-safe: letters, digits, '.', '_' and '-' only. */
    static String safe(String s) {
        String cleaned = s.replaceAll("[^A-Za-z0-9._-]+", "_");
        return cleaned.isEmpty() ? "run" : cleaned;
    }
}
