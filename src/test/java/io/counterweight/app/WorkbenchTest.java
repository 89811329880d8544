package io.counterweight.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.counterweight.app.services.CoreAugmentService;
import io.counterweight.app.services.CoreDataService;
import io.counterweight.app.services.CoreSamplingService;
import io.counterweight.app.services.Services;
import io.counterweight.app.testing.ScriptedTrainingService;
import io.counterweight.core.augment.AugmentConfig;
import io.counterweight.core.data.DataSelection;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.data.DatasetFormat;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.sampling.ClassWeights;
import io.counterweight.core.sampling.WeightMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared state derives exactly what the core computes, and builds the config a run starts from. */
class WorkbenchTest {
    private final Workbench workbench = new Workbench(new Services(new CoreDataService(), new CoreSamplingService(),
            new CoreAugmentService(), new ScriptedTrainingService()));
    private final Dataset demo = new CoreDataService().demo(42);

    @Test
    void selectionAndWeightsFollowTheInputsThroughTheCore() {
        workbench.setLoaded(demo, ExperimentConfig.DEMO);
        assertArrayEquals(demo.trainCounts(), workbench.selected().trainCounts(), "u = 1 keeps the set as loaded");
        workbench.imbalanceProperty().set(0.1);
        workbench.classesProperty().set(5);
        workbench.seedProperty().set(7);
        Dataset expected = DataSelection.apply(demo, 5, 0.1, List.of(), 7);
        assertArrayEquals(expected.trainCounts(), workbench.selected().trainCounts());
        assertEquals(5, workbench.selected().numClasses());
        workbench.weightModeProperty().set(WeightMode.EFFECTIVE_NUMBER);
        workbench.betaProperty().set(0.99);
        assertArrayEquals(ClassWeights.compute(expected.trainCounts(), WeightMode.EFFECTIVE_NUMBER, 0.99),
                workbench.classWeightsProperty().get(), 1e-12);
    }

    @Test
    void aNewDataSetResetsTheSelectionInputs() {
        workbench.setLoaded(demo, ExperimentConfig.DEMO);
        workbench.imbalanceProperty().set(0.1);
        workbench.classesProperty().set(3);
        workbench.setLoaded(new CoreDataService().demo(1), ExperimentConfig.DEMO);
        assertEquals(1.0, workbench.imbalanceProperty().get());
        assertEquals(0, workbench.classesProperty().get());
        assertEquals(demo.numClasses(), workbench.selected().numClasses());
    }

    @Test
    void configCarriesEverySetting() {
        workbench.setLoaded(demo, ExperimentConfig.DEMO);
        workbench.imbalanceProperty().set(0.02);
        workbench.samplerProperty().set(true);
        workbench.augmentProperty().set(AugmentConfig.study());
        workbench.modelProperty().set("mlp");
        workbench.epochsProperty().set(2);
        ExperimentConfig c = workbench.config("gui").validate();
        assertEquals("demo", c.data().path());
        assertEquals(DatasetFormat.DEMO, c.data().format());
        assertEquals(0.02, c.data().imbalance());
        assertEquals(true, c.remedies().sampler());
        assertEquals(AugmentConfig.study(), c.remedies().augment());
        assertEquals("mlp", c.recipe().model());
        assertEquals(2, c.recipe().epochs());
        assertEquals("gui", c.label());
    }

    @Test
    void runnableConfigIsLabelledByItsRemediesAndNeedsData() {
        org.junit.jupiter.api.Assertions.assertThrows(io.counterweight.core.CounterweightException.class,
                workbench::runnableConfig, "no data loaded yet");
        workbench.setLoaded(demo, ExperimentConfig.DEMO);
        workbench.samplerProperty().set(false);
        workbench.augmentProperty().set(AugmentConfig.none());
        assertEquals("baseline", workbench.runnableConfig().label());
        workbench.augmentProperty().set(AugmentConfig.none().withFlip(io.counterweight.core.augment.TransformConfig.on(0.5)));
        assertEquals("improved", workbench.runnableConfig().label());
    }
}
