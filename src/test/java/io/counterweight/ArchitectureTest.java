package io.counterweight;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
                .should().dependOnClassesThat().resideInAnyPackage("io.counterweight.app..", "io.counterweight.cli..")
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
