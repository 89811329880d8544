package io.counterweight.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.metrics.ClassificationReport;
import io.counterweight.core.metrics.ConfusionMatrix;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunResultWarningsTest {
    private static final List<String> NAMES = List.of("cat", "dog", "fish");

    private static RunResult resultOf(int[][] rows) {
        ConfusionMatrix cm = new ConfusionMatrix(3);
        for (int t = 0; t < 3; t++) for (int p = 0; p < 3; p++) for (int n = 0; n < rows[t][p]; n++) cm.add(t, p);
        ClassificationReport report = ClassificationReport.of(cm, NAMES, new int[] {50, 20, 5});
        return RunResult.of(Path.of("run"), ExperimentConfig.fastDemo(), false, report, cm, List.of());
    }

    @Test
    void aNetworkThatPredictsOneClassForEveryImageIsFlaggedAsCollapsed() {
        RunResult collapsed = resultOf(new int[][] {{10, 0, 0}, {10, 0, 0}, {10, 0, 0}});
        assertEquals(1, collapsed.warnings().size());
        assertTrue(collapsed.warnings().get(0).contains("predicts one class ('cat')"), collapsed.warnings().get(0));
        assertEquals(collapsed.warnings(), collapsed.toJsonMap().get("warnings"));
    }

    @Test
    void aPoorButVariedNetworkIsNot() {
        assertEquals(List.of(), resultOf(new int[][] {{9, 1, 0}, {10, 0, 0}, {10, 0, 0}}).warnings());
        assertEquals(List.of(), resultOf(new int[][] {{10, 0, 0}, {0, 0, 0}, {0, 0, 0}}).warnings(), "one class in the test set");
    }
}
