package io.counterweight.app.services;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.experiment.ImageInputs;
import io.counterweight.core.experiment.Prediction;
import io.counterweight.core.experiment.RunStore;
import io.counterweight.core.experiment.SavedModel;
import io.counterweight.core.report.ChartImage;
import io.counterweight.core.report.ChartImages;
import io.counterweight.core.report.ReportCsv;
import io.counterweight.core.report.ReportedRun;
import io.counterweight.core.report.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@link ExportService} over core.report and SavedModel; the last model opened is kept for the next images. */
public final class CoreExportService implements ExportService {
    private SavedModel model; // guarded by this
    private Object modelStamp; // model.zip's modification time when it was read

    @Override
    public Path report(List<Path> runDirs, Path file) {
        RunReport.write(file, ReportedRun.loadAll(runDirs));
        return file;
    }

    @Override
    public List<Path> csv(List<Path> runDirs, Path dir) {
        return ReportCsv.writeAll(folder(dir), ReportedRun.loadAll(runDirs));
    }

    @Override
    public List<Path> charts(List<Path> runDirs, Path dir, int scale) {
        if (scale != 1 && scale != 2) throw new IllegalArgumentException("scale 1 or 2, not " + scale);
        List<ReportedRun> runs = ReportedRun.loadAll(runDirs);
        Path out = folder(dir);
        String prefix = runs.size() == 1 ? fileName(runs.get(0).name()) : "comparison";
        String suffix = "-" + scale + "x.png";
        List<Path> written = new ArrayList<>();
        write(ChartImages.loss(runs, scale), out.resolve(prefix + "-loss" + suffix), written);
        write(ChartImages.metrics(runs, scale), out.resolve(prefix + "-metrics" + suffix), written);
        for (ReportedRun r : runs) {
            write(ChartImages.confusion(r, true, scale), out.resolve(fileName(r.name()) + "-confusion" + suffix), written);
        }
        return written;
    }

    private static void write(ChartImage image, Path file, List<Path> written) {
        if (image == null) return; // a run without a completed epoch has no matrix
        image.write(file);
        written.add(file);
    }

    /** A run's name as a file name: letters, digits, '.', '-' and '_' kept, the rest '_'. */
    static String fileName(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
        return s.isEmpty() ? "run" : s.toLowerCase(Locale.ROOT);
    }

    private static Path folder(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CounterweightException(dir + ": cannot create the folder (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public List<Path> images(List<Path> filesOrFolders) {
        return ImageInputs.expand(filesOrFolders);
    }

    @Override
    public List<Prediction> predict(Path runDir, List<Path> images, int k) {
        return modelOf(runDir).predict(images, k);
    }

    /** The run's model, read again when model.zip changed (a resumed run) or another run is asked for. */
    private synchronized SavedModel modelOf(Path runDir) {
        Object stamp = stamp(runDir.resolve(RunStore.MODEL));
        if (model == null || !model.runDir().equals(runDir) || !java.util.Objects.equals(stamp, modelStamp)) {
            model = null; // the old network can go before the new one is read
            model = SavedModel.open(runDir);
            modelStamp = stamp;
        }
        return model;
    }

    private static Object stamp(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null; // SavedModel.open says what is missing
        }
    }
}
