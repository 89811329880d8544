package io.counterweight.core.experiment.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.experiment.ExperimentConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridPlanTest {
    private final ExperimentConfig base = ExperimentConfig.fastDemo().toBuilder().seed(7).model("mlp").epochs(1).build();

    @Test
    void cellsRunSeedBySeedThenRatioThenRemedyWithSeedsFromTheBase() {
        GridPlan plan = GridPlan.of(base, List.of("baseline", "sampler+augment"), List.of(0.1, 0.02), 2, null);
        assertEquals(8, plan.cells().size());
        List<String> labels = plan.cells().stream().map(GridCell::label).toList();
        assertEquals(List.of("baseline u=0.1 seed=7", "sampler+augment u=0.1 seed=7", "baseline u=0.02 seed=7",
                "sampler+augment u=0.02 seed=7", "baseline u=0.1 seed=8", "sampler+augment u=0.1 seed=8",
                "baseline u=0.02 seed=8", "sampler+augment u=0.02 seed=8"), labels);
        GridCell last = plan.cell(8);
        assertEquals(8, last.index());
        assertEquals(8, last.config().seed());
        assertEquals(0.02, last.config().data().imbalance());
        assertTrue(last.config().remedies().sampler());
        assertEquals("mlp", last.config().recipe().model());
    }

    @Test
    void withoutRatiosTheBaseRatioIsTheOnlyRow() {
        GridPlan plan = GridPlan.of(base, List.of("sampler"), List.of(), 1, null);
        assertEquals(1, plan.cells().size());
        assertEquals(1.0, plan.cell(1).imbalance());
    }

    @Test
    void theDefaultNameIsTheSameForTheSamePlanOnly() {
        GridPlan a = GridPlan.of(base, List.of("baseline", "sampler"), List.of(0.1), 2, null);
        GridPlan b = GridPlan.of(base, List.of("baseline", "sampler"), List.of(0.1), 2, "");
        GridPlan c = GridPlan.of(base, List.of("baseline", "sampler"), List.of(0.1), 3, null);
        assertEquals(a.name(), b.name());
        assertTrue(a.name().matches("grid-[0-9a-f]{8}"), a.name());
        assertNotEquals(a.name(), c.name());
        assertEquals("mine", GridPlan.of(base, List.of("baseline"), List.of(), 1, "mine").name());
    }

    @Test
    void badSettingsAreOneLineErrors() {
        assertThrows(CounterweightException.class, () -> GridPlan.of(base, List.of("baseline"), List.of(), 0, null));
        assertThrows(CounterweightException.class, () -> GridPlan.of(base, List.of("baseline"), List.of(0.1, 0.1), 1, null));
        assertThrows(CounterweightException.class, () -> GridPlan.of(base, List.of("baseline"), List.of(1.5), 1, null));
        assertThrows(CounterweightException.class, () -> GridPlan.of(base, List.of("baseline"), List.of(), 1, "../up"));
        GridPlan plan = GridPlan.of(base, List.of("baseline"), List.of(), 1, null);
        CounterweightException e = assertThrows(CounterweightException.class, () -> plan.cell(2));
        assertEquals("--cell must be in 1..1 (this grid's cells), got 2", e.getMessage());
    }

    @Test
    void labelsReadBack() {
        assertEquals("sampler+augment", GridCell.remedyOfLabel(GridCell.label("sampler+augment", 0.005, 44)));
        assertEquals("sampler+augment u=0.005 seed=44", GridCell.label("sampler+augment", 0.005, 44));
        assertEquals(null, GridCell.remedyOfLabel("improved"));
    }
}
