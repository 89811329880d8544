package io.counterweight.app.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.app.Workbench;
import io.counterweight.app.services.CoreAugmentService;
import io.counterweight.app.services.CoreSamplingService;
import io.counterweight.app.services.Services;
import io.counterweight.app.testing.CollectingErrorReporter;
import io.counterweight.app.testing.Fixtures;
import io.counterweight.app.testing.SameThreadTaskExecutor;
import io.counterweight.app.testing.ScriptedTrainingService;
import io.counterweight.app.testing.TestServices;
import io.counterweight.core.augment.AugmentConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The preview through the real core augmenter, rendered on the test thread. */
class AugmentationViewModelTest {
    private final CollectingErrorReporter errors = new CollectingErrorReporter();
    private final SameThreadTaskExecutor executor = new SameThreadTaskExecutor(errors, true);
    private final Workbench workbench = new Workbench(new Services(TestServices.identityData(), new CoreSamplingService(),
            new CoreAugmentService(), new ScriptedTrainingService()));
    private final AugmentationViewModel vm = new AugmentationViewModel(workbench, executor);

    private PreviewGrid loadAndRender() {
        workbench.setLoaded(Fixtures.dataset("f", new int[] {5, 5, 5, 5, 5, 5, 5, 5}, 1, 8, 3), "/f");
        executor.runPending();
        return vm.previewProperty().get();
    }

    @Test
    void withEverythingOffTheVariantsAreTheOriginal() {
        PreviewGrid grid = loadAndRender();
        assertNotNull(grid);
        assertEquals(AugmentationViewModel.PREVIEW_ROWS, grid.rows());
        assertEquals(AugmentationViewModel.PREVIEW_VARIANTS + 1, grid.columns());
        for (int r = 0; r < grid.rows(); r++) {
            for (int c = 1; c < grid.columns(); c++) assertArrayEquals(grid.tile(r, 0), grid.tile(r, c));
        }
        assertEquals("original", grid.captions().get(0));
        assertEquals("unchanged", grid.captions().get(1));
        assertEquals(List.of(), errors.messages);
    }

    @Test
    void aSliderChangeReachesTheConfigAndRerendersThroughTheCore() {
        loadAndRender();
        int renders = vm.rendersProperty().get();
        TransformModel flip = vm.transforms().get(2);
        flip.enabledProperty().set(true);
        flip.probabilityProperty().set(1.0);
        assertEquals(new AugmentConfig(AugmentConfig.none().rotation(), AugmentConfig.none().affine(),
                flip.toConfig(), AugmentConfig.none().jitter()), workbench.augmentProperty().get());
        executor.runPending();
        PreviewGrid grid = vm.previewProperty().get();
        assertTrue(vm.rendersProperty().get() > renders);
        for (int c = 1; c < grid.columns(); c++) {
            assertEquals("flip", grid.captions().get(c));
            assertFalse(java.util.Arrays.equals(grid.tile(0, 0), grid.tile(0, c)), "fixture images are not symmetric");
        }
    }

    @Test
    void onlyTheNewestOfQuickChangesIsRendered() {
        loadAndRender();
        int executedBefore = executor.executed();
        int renders = vm.rendersProperty().get();
        vm.applyStudy();
        vm.transforms().get(0).probabilityProperty().set(0.9);
        vm.transforms().get(0).probabilityProperty().set(1.0);
        executor.runPending();
        assertEquals(executedBefore + 1, executor.executed(), "stale renders were cancelled before running");
        assertEquals(renders + 1, vm.rendersProperty().get());
    }

    @Test
    void rerollDrawsNewAugmentationsAndTheSameSeedRepeats() {
        loadAndRender();
        vm.applyStudy();
        executor.runPending();
        PreviewGrid first = vm.previewProperty().get();
        vm.reroll();
        executor.runPending();
        PreviewGrid second = vm.previewProperty().get();
        boolean differs = false;
        for (int i = 0; i < first.tiles().size(); i++) differs |= !java.util.Arrays.equals(first.tiles().get(i), second.tiles().get(i));
        assertTrue(differs);
        PreviewRenderer renderer = new PreviewRenderer(new CoreAugmentService());
        PreviewGrid a = renderer.render(workbench.selected(), AugmentConfig.study(), 9, 3, 4, () -> false);
        PreviewGrid b = renderer.render(workbench.selected(), AugmentConfig.study(), 9, 3, 4, () -> false);
        for (int i = 0; i < a.tiles().size(); i++) assertArrayEquals(a.tiles().get(i), b.tiles().get(i));
        assertEquals(a.captions(), b.captions());
    }
}
