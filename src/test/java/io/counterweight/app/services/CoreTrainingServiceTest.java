package io.counterweight.app.services;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.data.Dataset;
import io.counterweight.core.data.DemoDataset;
import io.counterweight.core.data.ImageSplit;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.train.TrainingControl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoreTrainingServiceTest {
    private final Dataset demo = DemoDataset.generate(42);

    @Test
    void theWarmUpSampleKeepsEveryClassAndItsCap() {
        ImageSplit train = demo.train(); // long-tailed: 500 down to 10 images a class
        ImageSplit sample = CoreTrainingService.perClass(train, demo.numClasses(), 1024);
        int cap = 1024 / demo.numClasses();
        int[] counts = train.classCounts(demo.numClasses());
        int[] expected = new int[counts.length];
        for (int c = 0; c < counts.length; c++) expected[c] = Math.min(cap, counts[c]);
        assertArrayEquals(expected, sample.classCounts(demo.numClasses()));
        assertTrue(counts[counts.length - 1] < cap, "the tail class is kept whole");
    }

    @Test
    void theWarmUpTrainsOneEpochAndLeavesNothingBehind(@TempDir Path workspace) throws IOException {
        Set<Path> before = scratchFolders();
        ExperimentConfig config = ExperimentConfig.fastDemo().toBuilder().epochs(5).build();
        TrainingControl control = new TrainingControl();
        long started = System.nanoTime();

        new CoreTrainingService(workspace).warmUp(demo, config, control);

        assertFalse(control.isCancelled());
        try (Stream<Path> s = Files.list(workspace)) {
            assertEquals(0, s.count(), "no run folder in the workspace");
        }
        assertEquals(before, scratchFolders(), "its temporary folder is deleted");
        // one epoch of at most 1,024 images, not five epochs of the whole set (a bound, not a timing test)
        assertTrue(System.nanoTime() - started < 120_000_000_000L);
    }

    @Test
    void aCancelledWarmUpEndsAndCleansUp(@TempDir Path workspace) throws IOException {
        Set<Path> before = scratchFolders();
        TrainingControl control = new TrainingControl();
        control.cancel(); // the user pressed Start before it began

        new CoreTrainingService(workspace).warmUp(demo, ExperimentConfig.fastDemo(), control);

        assertEquals(before, scratchFolders());
    }

    private static Set<Path> scratchFolders() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("counterweight-warmup")).collect(Collectors.toSet());
        }
    }
}
