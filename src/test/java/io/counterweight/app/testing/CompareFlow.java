package io.counterweight.app.testing;

import io.counterweight.app.AppContext;
import io.counterweight.core.experiment.ConfigJson;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.RunStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.controlsfx.control.ToggleSwitch;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Steps the Compare window tests share on the real window: a small image folder loaded with a fast recipe, and
 * "Train baseline + improved" clicked and waited for. The folder is reloadable, so drill-downs find its images.
 */
public final class CompareFlow {
    /** Training images per class (imbalanced, so the sampler changes what is drawn) and test images per class. */
    private static final int[] TRAIN = {24, 12, 6};
    private static final int TEST_PER_CLASS = 6;

    private CompareFlow() { }

    /** Writes and opens the image folder; the recipe is the smallest that still gives 3 distinct epochs. */
    public static void loadSmallFolder(FxRobot robot, AppContext context, Path dir) throws Exception {
        Path folder = FixtureFolders.imageFolder(dir.resolve("shapes"), TRAIN, TEST_PER_CLASS, 12);
        robot.interact(() -> context.dataViewModel().open(folder));
        waitUntil(60, () -> context.workbench().selected() != null);
        robot.interact(() -> {
            context.workbench().modelProperty().set("mlp");
            context.workbench().epochsProperty().set(3);
            context.workbench().batchProperty().set(8);
            context.workbench().seedProperty().set(7);
        });
    }

    /** Turns the re-weighted sampler on with the Sampler tab's switch, as a user clicks it. */
    public static void turnSamplerOn(FxRobot robot) {
        robot.clickOn("2  Sampler");
        ToggleSwitch sampler = robot.lookup("#samplerSwitch").query();
        robot.clickOn(sampler.lookup(".thumb-area")); // the switch itself, not its label (which does not toggle)
        if (!sampler.isSelected()) throw new AssertionError("the click did not turn the sampler on");
    }

    /** Clicks "Train baseline + improved" on the Compare tab and waits until both runs are compared (or one failed). */
    public static void trainBoth(FxRobot robot, AppContext context, CollectingErrorReporter errors) throws Exception {
        robot.clickOn("5  Compare");
        robot.clickOn("#runButton");
        var compare = context.compareViewModel();
        waitUntil(150, () -> !compare.runningProperty().get() && (compare.runs().size() == 2 || !errors.messages.isEmpty()));
    }

    /** The one run folder under {@code workspace} whose config.json has this label. */
    public static Path runFolder(Path workspace, String label) {
        return RunStore.list(workspace).stream()
                .filter(p -> savedConfig(p).label().equals(label))
                .reduce((a, b) -> { throw new AssertionError("two run folders labelled " + label + ": " + a + ", " + b); })
                .orElseThrow(() -> new AssertionError("no run folder labelled " + label + " in " + workspace));
    }

    /** What a run folder's config.json says, read from disk as the CLI would. */
    public static ExperimentConfig savedConfig(Path runFolder) {
        return ConfigJson.readConfig(runFolder.resolve(RunStore.CONFIG));
    }

    public static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
