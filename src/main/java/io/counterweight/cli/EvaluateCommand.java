package io.counterweight.cli;

import io.counterweight.core.data.DataSelection;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.data.DatasetFormat;
import io.counterweight.core.data.DatasetLoader;
import io.counterweight.core.experiment.ConfigJson;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.ModelEvaluation;
import io.counterweight.core.experiment.Provenance;
import io.counterweight.core.experiment.SavedModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code counterweight evaluate RUN_DIR DATA}: a run's saved model on DATA's test split, recorded under the
 * run's {@code evaluations/}. Its own data options, not {@code DataOptions}: that mixin's DATA is the first
 * argument, here RUN_DIR is; the options that shape images default to the run's so they match training.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Evaluate a run's saved model on a data set's test split; the result is kept in the run folder.")
final class EvaluateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder (with model.zip).")
    Path runDir;

    @Parameters(index = "1", paramLabel = "DATA",
            description = "A data folder or file (CIFAR binary/python, IDC, IDX, image folder), or 'demo'.")
    String data;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto, cifar10, cifar100, cifar10-py, cifar100-py, idc, idx, folder or demo (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--classes", paramLabel = "K", description = "Keep the first K classes (default: as the run did).")
    Integer classes;

    @Option(names = "--image-size", paramLabel = "PX",
            description = "Resize folder/IDC images to PX x PX (default: the size the run trained on).")
    Integer imageSize;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the folder/IDC train-test split and the demo data (default: the run's).")
    Long seed;

    @Option(names = "--all", description = "Evaluate every image of DATA, not only its test split (e.g. a folder of new images).")
    boolean all;

    @Option(names = "--json", description = "Print one JSON object on stdout.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        SavedModel model = SavedModel.open(runDir);
        ExperimentConfig.DataSpec trained = model.config().data();
        long s = seed != null ? seed : model.config().seed();
        int k = classes != null ? classes : trained.classes();
        ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr());
        Dataset loaded = DatasetLoader.load(data, DatasetFormat.fromId(format),
                imageSize != null ? imageSize : model.imageSizeForLoading(), s, progress);
        Dataset selected = DataSelection.apply(loaded, k, 1.0, List.of(), s);
        progress.finishLine();
        ModelEvaluation eval = model.evaluate(selected, all).record(Provenance.now());
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? ConfigJson.write(eval.toJsonMap()) + System.lineSeparator() : EvaluationText.summary(eval));
        out.flush();
        return 0;
    }
}
