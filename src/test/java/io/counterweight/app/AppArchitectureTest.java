package io.counterweight.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The GUI's own layering: view models hold no nodes; only the services call the core's behaviour. */
class AppArchitectureTest {
    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.counterweight.app");

    /**
     * The core types the screens may name: values (records, enums), errors, and the listener/control
     * types a run is observed and steered through. Each entry also covers its nested types (written
     * {@code Outer$Inner} in bytecode), so ExperimentConfig's nested records and Builder and
     * TrainingEvent's records and Provenance's are in, whatever they are called. SpeedSettings is the
     * record a provenance holds (its factory {@code of} is for the core). {@code Comparison$Row} is listed on its
     * own: the rows are values, {@code Comparison.of} is behaviour and belongs to the services.
     * LossKind, LrDecay and RemedyInfo are enums (the remedies' choices and their paragraphs); RecipePresets
     * only hands out the named recipes, which are values.
     */
    static final List<String> CORE_TYPES_FOR_SCREENS = List.of(
            "io.counterweight.core.CounterweightException",
            "io.counterweight.core.Progress",
            "io.counterweight.core.Durations",
            "io.counterweight.core.data.Dataset",
            "io.counterweight.core.data.DatasetFormat",
            "io.counterweight.core.data.ImageShape",
            "io.counterweight.core.data.ImageSplit",
            "io.counterweight.core.augment.AugmentConfig",
            "io.counterweight.core.augment.TransformConfig",
            "io.counterweight.core.augment.Augmented",
            "io.counterweight.core.sampling.WeightMode",
            "io.counterweight.core.train.LossKind",
            "io.counterweight.core.train.LrDecay",
            "io.counterweight.core.experiment.RemedyInfo",
            "io.counterweight.core.experiment.RecipePresets",
            "io.counterweight.core.experiment.ExperimentConfig",
            "io.counterweight.core.experiment.RunResult",
            "io.counterweight.core.experiment.Comparison$Row",
            "io.counterweight.core.experiment.EpochMetrics",
            "io.counterweight.core.experiment.Prediction",
            "io.counterweight.core.experiment.Provenance",
            "io.counterweight.core.experiment.RunStatus",
            "io.counterweight.core.experiment.RunSummary",
            "io.counterweight.core.metrics.ClassMetrics",
            "io.counterweight.core.metrics.ClassificationReport",
            "io.counterweight.core.metrics.ConfusionMatrix",
            "io.counterweight.core.metrics.Predictions",
            "io.counterweight.core.metrics.ConfusionDifference",
            "io.counterweight.core.metrics.ClassChange",
            "io.counterweight.core.metrics.ClassGroup",
            "io.counterweight.core.train.SpeedSettings",
            "io.counterweight.core.train.TrainingEvent",
            "io.counterweight.core.train.TrainingControl",
            "io.counterweight.core.train.TrainingListener",
            // the Grid screen: its events and cells are records; GridPlan and GridTable are named as values (their
            // factories are called by CoreGridService only); CellState on its own, GridFolder is file behaviour
            "io.counterweight.core.experiment.grid.GridEvent",
            "io.counterweight.core.experiment.grid.GridCell",
            "io.counterweight.core.experiment.grid.GridPlan",
            "io.counterweight.core.experiment.grid.GridListener",
            "io.counterweight.core.experiment.grid.GridFolder$CellState",
            "io.counterweight.core.report.GridTable",
            // nice axis ticks: arithmetic on two numbers, shared by the report's images and the live loss chart
            "io.counterweight.core.report.Ticks");

    private static final DescribedPredicate<JavaClass> CORE_BEHAVIOUR_OR_ENGINE = new DescribedPredicate<>(
            "core classes not on the screens' list " + CORE_TYPES_FOR_SCREENS + ", or DL4J/ND4J") {
        @Override
        public boolean test(JavaClass c) {
            String name = c.getName();
            if (name.startsWith("org.deeplearning4j.") || name.startsWith("org.nd4j.")) return true;
            if (!name.startsWith("io.counterweight.core.")) return false;
            return CORE_TYPES_FOR_SCREENS.stream().noneMatch(t -> name.equals(t) || name.startsWith(t + "$"));
        }
    };

    @Test
    void viewModelsDoNotTouchNodesOrWindows() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene.control..", "javafx.scene.layout..",
                        "javafx.stage..", "javafx.fxml..", "org.controlsfx..")
                .check(APP);
    }

    @Test
    void onlyTheServicesCallTheCoresBehaviour() {
        noClasses().that().resideInAPackage("io.counterweight.app..")
                .and().resideOutsideOfPackage("io.counterweight.app.services..")
                .should().dependOnClassesThat(CORE_BEHAVIOUR_OR_ENGINE)
                .because("the screens reach the core's behaviour only through app.services (an allowlist of value types)")
                .check(APP);
    }

    @Test
    void theAllowlistNamesRealClasses() throws ClassNotFoundException {
        for (String name : CORE_TYPES_FOR_SCREENS) Class.forName(name, false, getClass().getClassLoader());
    }
}
