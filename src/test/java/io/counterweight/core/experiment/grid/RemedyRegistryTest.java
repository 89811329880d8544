package io.counterweight.core.experiment.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.augment.AugmentConfig;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.train.LossKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemedyRegistryTest {
    private final ExperimentConfig base = ExperimentConfig.fastDemo().toBuilder()
            .sampler(true).augment(AugmentConfig.all(0.9)).build(); // remedies a grid must clear

    @Test
    void combinationsAreCanonicalWhateverTheOrderAndCase() {
        assertEquals("sampler+augment", RemedyRegistry.parse("augment+sampler").name());
        assertEquals("sampler+augment", RemedyRegistry.parse(" Sampler + AUGMENT ").name());
        assertEquals("baseline", RemedyRegistry.parse("baseline").name());
    }

    @Test
    void unknownNameIsOneLineListingTheKnownOnes() {
        CounterweightException e = assertThrows(CounterweightException.class, () -> RemedyRegistry.parse("sampler+mixpu"));
        assertEquals("--remedies: unknown remedy 'mixpu' in 'sampler+mixpu'; known: baseline, sampler, augment, weighted, drw, drs, logit-adjust, mixup (combine with +)",
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void baselineCannotBeCombinedAndNothingRepeats() {
        assertThrows(CounterweightException.class, () -> RemedyRegistry.parse("baseline+sampler"));
        assertThrows(CounterweightException.class, () -> RemedyRegistry.parse("sampler+sampler"));
        assertThrows(CounterweightException.class, () -> RemedyRegistry.parse(""));
        assertThrows(CounterweightException.class, () -> RemedyRegistry.parse("sampler+"));
        CounterweightException twice = assertThrows(CounterweightException.class,
                () -> RemedyRegistry.parseAll(List.of("sampler+augment", "augment+sampler")));
        assertTrue(twice.getMessage().contains("'sampler+augment' is given twice"), twice.getMessage());
    }

    @Test
    void eachRemedyChangesOnlyItsOwnSettingsOfTheBaseline() {
        ExperimentConfig baseline = RemedyRegistry.parse("baseline").apply(base).build();
        assertFalse(baseline.remedies().any());
        assertEquals(base.recipe(), baseline.recipe());
        assertEquals(base.data(), baseline.data());

        ExperimentConfig sampler = RemedyRegistry.parse("sampler").apply(base).build();
        assertTrue(sampler.remedies().sampler());
        assertEquals(AugmentConfig.none(), sampler.remedies().augment());

        ExperimentConfig augment = RemedyRegistry.parse("augment").apply(base).build();
        assertFalse(augment.remedies().sampler());
        assertEquals(AugmentConfig.study(), augment.remedies().augment());

        ExperimentConfig both = RemedyRegistry.parse("sampler+augment").apply(base).build();
        assertEquals(base.asImproved().remedies(), both.remedies()); // the study's improved run
    }

    @Test
    void furtherRemediesSetTheirLossDeferralAndMixup() {
        ExperimentConfig six = base.toBuilder().epochs(6).build();
        ExperimentConfig drw = RemedyRegistry.parse("drw").apply(six).build().validate();
        assertEquals(LossKind.WEIGHTED, drw.remedies().loss());
        assertFalse(drw.remedies().sampler());
        assertEquals(5, drw.remedies().deferEpoch(), "the last third of 6 epochs: 5 and 6");
        ExperimentConfig drs = RemedyRegistry.parse("drs").apply(six).build().validate();
        assertTrue(drs.remedies().sampler());
        assertEquals(LossKind.CROSS_ENTROPY, drs.remedies().loss());
        assertEquals(5, drs.remedies().deferEpoch());
        assertEquals(2, RemedyRegistry.parse("drw").apply(base.toBuilder().epochs(2).build()).build().remedies().deferEpoch());
        ExperimentConfig weighted = RemedyRegistry.parse("weighted").apply(six).build();
        assertEquals(0, weighted.remedies().deferEpoch());
        ExperimentConfig la = RemedyRegistry.parse("logit-adjust+mixup").apply(six).build().validate();
        assertEquals(LossKind.LOGIT_ADJUSTED, la.remedies().loss());
        assertEquals(1.0, la.remedies().tau());
        assertEquals(RemedyRegistry.MIXUP_ALPHA, la.remedies().mixup());
        assertEquals(six.recipe(), la.recipe(), "remedies leave the recipe alone");
    }

    @Test
    void tablesOrderFewerPartsFirstThenRegistryOrder() {
        List<String> names = new java.util.ArrayList<>(List.of("sampler+augment", "zz-collected", "augment", "baseline", "sampler"));
        names.sort(RemedyRegistry::compareNames);
        assertEquals(List.of("baseline", "sampler", "augment", "sampler+augment", "zz-collected"), names);
    }

    @Test
    void helpListsEveryRegisteredName() {
        String help = RemedyRegistry.describe();
        for (String n : RemedyRegistry.names()) assertTrue(help.contains("  " + n + " "), n);
    }
}
