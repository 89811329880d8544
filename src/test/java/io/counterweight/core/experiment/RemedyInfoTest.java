package io.counterweight.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.train.LrDecay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The remedies' explanations in the core are those of docs/methods.md, and the presets are what it says. */
class RemedyInfoTest {

    @Test
    void docsMethodsHoldsEveryRemedysParagraphReferenceAndOptions() throws IOException {
        String doc = Files.readString(Path.of("docs/methods.md"));
        for (RemedyInfo r : RemedyInfo.values()) {
            assertTrue(doc.contains("## " + r.title() + "\n\n" + r.paragraph() + "\n\nReference: " + r.reference()
                    + "\n\nCommand line: `" + r.cli() + "`"), r + " is not in docs/methods.md as in RemedyInfo");
        }
    }

    @Test
    void presetsByName() {
        assertEquals(ExperimentConfig.Recipe.study(), ExperimentConfig.Recipe.preset("study"));
        ExperimentConfig.Recipe recommended = ExperimentConfig.Recipe.preset("Recommended");
        assertEquals(LrDecay.COSINE, recommended.decay());
        assertEquals(0.01, recommended.learningRate());
        assertEquals(ExperimentConfig.Recipe.study().batch(), recommended.batch());
        CounterweightException bad = assertThrows(CounterweightException.class, () -> RecipePresets.recipe("fast"));
        assertEquals("--preset must be one of study, recommended, got 'fast'", bad.getMessage());
    }
}
