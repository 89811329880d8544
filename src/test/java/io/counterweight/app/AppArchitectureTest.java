package io.counterweight.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The GUI's own layering: view models hold no nodes; only the services call the core's behaviour. */
class AppArchitectureTest {
    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.counterweight.app");

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
                .should().dependOnClassesThat().haveSimpleNameStartingWith("DatasetLoader")
                .orShould().dependOnClassesThat().haveSimpleNameStartingWith("DataSelection")
                .orShould().dependOnClassesThat().haveSimpleNameStartingWith("DemoDataset")
                .orShould().dependOnClassesThat().haveSimpleNameStartingWith("ClassWeights")
                .orShould().dependOnClassesThat().haveSimpleNameStartingWith("WeightedRandomSampler")
                .orShould().dependOnClassesThat().haveSimpleNameStartingWith("Augmenter")
                .orShould().dependOnClassesThat().haveSimpleNameStartingWith("ImageConversions")
                .orShould().dependOnClassesThat().haveSimpleNameStartingWith("ExperimentRunner")
                .orShould().dependOnClassesThat().haveSimpleNameStartingWith("RunStore")
                .orShould().dependOnClassesThat().haveSimpleNameStartingWith("BackendInfo")
                .orShould().dependOnClassesThat().resideInAnyPackage("io.counterweight.core.model..", "org.deeplearning4j..", "org.nd4j..")
                .check(APP);
    }
}
