package io.counterweight.core.experiment;

import io.counterweight.core.CounterweightException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The run history of a workspace, read from the run folders themselves (they are the source of truth:
 * nothing here is cached), plus what a user may change about a run afterwards: its name, its tags, or
 * the whole folder (delete). Reading never throws for one bad folder: it becomes a summary with a problem.
 */
public final class RunCatalog {
    private RunCatalog() { }

    /** Every run folder directly under {@code workspace}, newest first. */
    public static List<RunSummary> list(Path workspace) {
        List<RunSummary> out = new ArrayList<>();
        for (Path dir : RunStore.list(workspace)) out.add(summarise(dir));
        out.sort(Comparator.comparing((RunSummary s) -> s.runDir().getFileName().toString()).reversed());
        return out;
    }

    /** The summary of one run folder, as far as it can be read. */
    public static RunSummary summarise(Path runDir) {
        Path dir = runDir.toAbsolutePath().normalize();
        RunMeta meta = readMeta(dir);
        String name = meta.name() != null ? meta.name() : dir.getFileName().toString();
        boolean locked = RunLock.isHeld(dir);
        ExperimentConfig cfg;
        try {
            cfg = ConfigJson.readConfig(dir.resolve(RunStore.CONFIG));
        } catch (CounterweightException e) {
            return new RunSummary(dir, name, "?", "?", "?", "?", locked ? RunStatus.RUNNING : RunStatus.FAILED, 0, 0,
                    Double.NaN, Double.NaN, Double.NaN, null, 0, meta.tags(), e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        Provenance prov = null;
        if (Files.isRegularFile(dir.resolve(RunStore.PROVENANCE))) {
            try {
                prov = RunStore.readProvenance(dir);
            } catch (CounterweightException e) {
                problems.add(e.getMessage());
            }
        } else {
            problems.add("no " + RunStore.PROVENANCE + " (the run stopped before it started training)");
        }
        List<EpochMetrics> history = List.of();
        if (Files.isRegularFile(dir.resolve(RunStore.METRICS))) {
            try {
                history = MetricsCsv.read(dir.resolve(RunStore.METRICS));
            } catch (CounterweightException e) {
                problems.add(e.getMessage());
            }
        }
        RunStatus status = RunStatus.of(prov == null ? null : prov.status(), locked);
        if (status == RunStatus.FAILED && prov != null) problems.add(0, prov.status());
        EpochMetrics last = history.isEmpty() ? null : history.get(history.size() - 1);
        double seconds = history.stream().mapToDouble(EpochMetrics::seconds).sum();
        String data = prov != null && prov.data() != null && prov.data().name() != null ? prov.data().name() : cfg.data().path();
        return new RunSummary(dir, name, cfg.label(), cfg.recipe().model(), data, RunSummary.describeRemedies(cfg.remedies()),
                status, history.size(), cfg.recipe().epochs(),
                last == null ? Double.NaN : last.accuracy(), last == null ? Double.NaN : last.macroF1(),
                last == null ? Double.NaN : last.balancedAccuracy(), prov == null ? null : prov.startTime(), seconds,
                meta.tags(), problems.isEmpty() ? null : String.join("; ", problems));
    }

    public static RunMeta readMeta(Path runDir) {
        Path file = runDir.resolve(RunMeta.FILE);
        if (!Files.isRegularFile(file)) return RunMeta.none();
        try {
            return ConfigJson.mapper().readValue(file.toFile(), RunMeta.class);
        } catch (IOException e) {
            return RunMeta.none(); // a broken meta.json loses the name and tags, never the run
        }
    }

    /** Gives the run a display name (null or blank: back to the folder's name); the folder keeps its name. */
    public static void rename(Path runDir, String name) {
        RunMeta m = readMeta(runDir);
        writeMeta(runDir, new RunMeta(name, m.tags()));
    }

    public static void setTags(Path runDir, List<String> tags) {
        RunMeta m = readMeta(runDir);
        writeMeta(runDir, new RunMeta(m.name(), tags));
    }

    private static void writeMeta(Path runDir, RunMeta meta) {
        requireRunFolder(runDir);
        try {
            ConfigJson.write(runDir.resolve(RunMeta.FILE), meta);
        } catch (IOException e) {
            throw new CounterweightException(runDir.resolve(RunMeta.FILE) + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    /** Deletes a run folder and everything in it; refuses a run that is training now. */
    public static void delete(Path runDir) {
        requireRunFolder(runDir);
        if (RunLock.isHeld(runDir)) throw new CounterweightException(runDir + ": the run is training; stop it first");
        try {
            Files.walkFileTree(runDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    if (e != null) throw e;
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new CounterweightException(runDir + ": cannot delete (" + e.getMessage() + ")", e);
        }
    }

    /** Guards destructive actions: only a folder with a config.json counts as a run. */
    private static void requireRunFolder(Path runDir) {
        if (!Files.isRegularFile(runDir.resolve(RunStore.CONFIG))) {
            throw new CounterweightException(runDir + ": not a Counterweight run folder (no " + RunStore.CONFIG + ")");
        }
    }
}
