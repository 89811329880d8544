package io.counterweight.app.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.app.Workbench;
import io.counterweight.app.testing.Fixtures;
import io.counterweight.app.testing.ScriptedTrainingService;
import io.counterweight.app.testing.TestServices;
import io.counterweight.core.sampling.WeightMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SamplerViewModelTest {
    private final Workbench workbench = new Workbench(TestServices.withTraining(new ScriptedTrainingService()));
    private final SamplerViewModel vm = new SamplerViewModel(workbench);

    @BeforeEach
    void load() {
        workbench.setLoaded(Fixtures.dataset("f", new int[] {60, 30, 10}, 2, 4, 1), "/f");
    }

    @Test
    void withoutTheSamplerEachImageIsSeenOnce() {
        assertEquals(3, vm.rows().size());
        for (SamplerRow r : vm.rows()) assertEquals(r.count(), r.expectedDraws(), 0);
        assertTrue(vm.explanationProperty().get().contains("6.0×"), vm.explanationProperty().get());
    }

    @Test
    void inverseFrequencyDrawsEveryClassEquallyOften() {
        workbench.samplerProperty().set(true);
        for (SamplerRow r : vm.rows()) assertEquals(100 / 3.0, r.expectedDraws(), 1e-9, r.name());
        assertEquals(1.0, vm.rows().get(0).weight(), 1e-12, "largest class weighs 1");
        assertEquals(6.0, vm.rows().get(2).weight(), 1e-12);
        assertTrue(vm.explanationProperty().get().contains("1.0 : 1"), vm.explanationProperty().get());
    }

    @Test
    void effectiveNumberFavoursRareClassesLess() {
        workbench.samplerProperty().set(true);
        workbench.weightModeProperty().set(WeightMode.EFFECTIVE_NUMBER);
        workbench.betaProperty().set(0.9);
        double head = vm.rows().get(0).expectedDraws(), tail = vm.rows().get(2).expectedDraws();
        assertTrue(head > tail, "with beta 0.9 the effective numbers are nearly equal: counts dominate");
        assertEquals(100, vm.rows().stream().mapToDouble(SamplerRow::expectedDraws).sum(), 1e-9, "N draws in all");
    }

    @Test
    void actualDrawsAppearAfterAnEpoch() {
        assertEquals(-1, vm.rows().get(0).actualDraws());
        workbench.actualDrawsProperty().set(new int[] {31, 35, 34});
        assertEquals(35, vm.rows().get(1).actualDraws());
    }
}
