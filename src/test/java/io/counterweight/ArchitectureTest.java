package io.counterweight;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The allowed dependencies of docs/architecture.md, checked on the compiled classes. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.counterweight");

    @Test
    void coreKnowsNothingOfJavaFx() {
        noClasses().that().resideInAPackage("io.counterweight.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(MAIN);
    }

    @Test
    void coreKnowsNothingOfItsFrontEnds() {
        noClasses().that().resideInAPackage("io.counterweight.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.counterweight.app..", "io.counterweight.cli..",
                        "io.counterweight.bench..")
                .check(MAIN);
    }

    /** No two packages of the core depend on each other, however indirectly. */
    @Test
    void coreSlicesAreFreeOfCycles() {
        slices().matching("io.counterweight.core.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    /** The core's layers depend one way only: data → sampling/augment/metrics → model → train → experiment → report. */
    @Test
    void coreLayersDependOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage("io.counterweight..")
                .layer("Report").definedBy("io.counterweight.core.report..")
                .layer("Experiment").definedBy("io.counterweight.core.experiment..")
                .layer("Train").definedBy("io.counterweight.core.train..")
                .layer("Model").definedBy("io.counterweight.core.model..")
                .layer("Remedies").definedBy("io.counterweight.core.sampling..", "io.counterweight.core.augment..")
                .layer("Metrics").definedBy("io.counterweight.core.metrics..")
                .layer("Data").definedBy("io.counterweight.core.data..")
                .layer("FrontEnds").definedBy("io.counterweight.cli..", "io.counterweight.app..", "io.counterweight.bench..")
                .whereLayer("FrontEnds").mayNotBeAccessedByAnyLayer()
                .whereLayer("Report").mayOnlyBeAccessedByLayers("FrontEnds")
                .whereLayer("Experiment").mayOnlyBeAccessedByLayers("Report", "FrontEnds")
                .whereLayer("Train").mayOnlyBeAccessedByLayers("Experiment", "FrontEnds")
                .whereLayer("Model").mayOnlyBeAccessedByLayers("Train", "Experiment", "FrontEnds")
                .whereLayer("Remedies").mayOnlyBeAccessedByLayers("Train", "Experiment", "FrontEnds")
                .check(MAIN);
    }

    /** The benchmarks measure the core; the product never runs them. */
    @Test
    void onlyTheCliStartsTheBenchmarks() {
        noClasses().that().resideOutsideOfPackages("io.counterweight.bench..", "io.counterweight.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.counterweight.bench..")
                .check(MAIN);
    }

    @Test
    void cliDoesNotUseTheGui() {
        noClasses().that().resideInAPackage("io.counterweight.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("io.counterweight.app..", "javafx..")
                .check(MAIN);
    }

    @Test
    void appDoesNotUseTheCli() {
        noClasses().that().resideInAPackage("io.counterweight.app..")
                .should().dependOnClassesThat().resideInAPackage("io.counterweight.cli..")
                .allowEmptyShould(true)
                .check(MAIN);
    }

    @Test
    void dataLayerDoesNotReachUpIntoTraining() {
        noClasses().that().resideInAnyPackage("io.counterweight.core.data..", "io.counterweight.core.sampling..",
                        "io.counterweight.core.augment..", "io.counterweight.core.metrics..")
                .should().dependOnClassesThat().resideInAnyPackage("io.counterweight.core.train..",
                        "io.counterweight.core.experiment..", "io.counterweight.core.model..", "org.deeplearning4j..")
                .check(MAIN);
    }
}
