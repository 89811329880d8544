package io.counterweight.app.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.app.Workbench;
import io.counterweight.app.services.CoreGridService;
import io.counterweight.app.services.Services;
import io.counterweight.app.testing.CollectingErrorReporter;
import io.counterweight.app.testing.ManualUiScheduler;
import io.counterweight.app.testing.SameThreadTaskExecutor;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.grid.RemedyRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grid screen's view model on the real core (CoreGridService, GridRunner, GridTable): a tiny grid on the demo
 * data (3 classes, mlp, 1 epoch, baseline and sampler, one seed) fills the table with one row per remedy, and a
 * second start with the same settings trains nothing: both cells are skipped and the table is the same.
 */
class GridEndToEndTest {
    @TempDir
    Path workspace;

    @Test
    void aTinyGridFillsTheTableAndASecondStartSkipsTheFinishedCells() throws IOException {
        CollectingErrorReporter errors = new CollectingErrorReporter();
        Services services = Services.core(workspace);
        Workbench workbench = new Workbench(services);
        workbench.setLoaded(services.data().demo(42), ExperimentConfig.DEMO);
        workbench.classesProperty().set(3);
        workbench.modelProperty().set("mlp");
        workbench.epochsProperty().set(1);
        workbench.batchProperty().set(32);
        CoreGridService grids = new CoreGridService(services.runs()::workspace);
        List<String> offered = grids.remedies().stream().map(o -> o.name()).toList();
        assertTrue(offered.containsAll(RemedyRegistry.names()) && offered.contains("sampler+augment"), offered.toString());
        GridViewModel vm = new GridViewModel(workbench, grids,
                new SameThreadTaskExecutor(errors), ManualUiScheduler.immediate(), errors);
        for (GridViewModel.RemedyChoice r : vm.remedies()) r.selectedProperty().set(List.of("baseline", "sampler").contains(r.name()));
        vm.ratiosProperty().set("1");
        vm.seedsProperty().set(1);

        vm.start();
        assertEquals(List.of(), errors.messages);
        List<List<String>> summary = List.copyOf(vm.summary());
        assertEquals(List.of("baseline", "sampler"), summary.stream().map(r -> r.get(0)).toList());
        assertEquals(List.of("1", "1"), summary.stream().map(r -> r.get(1)).toList(), "u");
        assertEquals(List.of("1", "1"), summary.stream().map(r -> r.get(2)).toList(), "n: one finished seed each");
        List<String> first = statuses(vm);
        for (int i = 0; i < 2; i++) {
            assertTrue(first.get(i).startsWith("finished · macro-F1 "), first.get(i));
            // n = 1: the table's macro-F1 is the cell's own, without a ± (sample std is undefined)
            assertEquals(first.get(i).substring("finished · macro-F1 ".length()), summary.get(i).get(4));
        }
        assertEquals(3, vm.gains().size(), "the sampler's gain for each of the 3 classes");
        assertTrue(vm.gains().stream().allMatch(g -> g.remedy().equals("sampler") && g.n() == 1));
        Path gridDir = vm.gridDirProperty().get();
        assertTrue(Files.isRegularFile(gridDir.resolve("summary.csv")) && Files.isRegularFile(gridDir.resolve("macro_f1.png")));
        assertEquals(2, runFolders(), "one run folder per cell");

        vm.start();
        assertEquals(List.of(), errors.messages);
        assertEquals(List.of("skipped · macro-F1 " + first.get(0).substring(20),
                "skipped · macro-F1 " + first.get(1).substring(20)), statuses(vm));
        assertEquals(summary, List.copyOf(vm.summary()), "the same table from the same run folders");
        assertTrue(vm.statusProperty().get().startsWith("Grid finished (2 cells finished before, skipped)."), vm.statusProperty().get());
        assertEquals(2, runFolders(), "nothing was trained again");
        assertEquals(gridDir, vm.gridDirProperty().get());
    }

    private long runFolders() throws IOException {
        try (Stream<Path> s = Files.list(workspace)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("config.json"))).count();
        }
    }

    private static List<String> statuses(GridViewModel vm) {
        return vm.queue().stream().map(QueueRow::status).toList();
    }
}
