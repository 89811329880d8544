package io.counterweight.app.window;

import io.counterweight.app.MainViewModel.Screen;
import io.counterweight.app.Workbench;
import io.counterweight.core.augment.AugmentConfig;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The guided lesson of presenter mode: the study's story in five steps of one sentence each. Each step sets the
 * window up for itself (the tab, the long tail, the sampler, the augmentations), so Next on a projector is the
 * whole demonstration. While a run trains, the data and the remedies are left alone and only the tab changes.
 */
public final class Lesson {
    /** One step: its sentence, the tab it shows, and the remedies it switches (null: leave as it is). */
    public record Step(String sentence, Screen screen, Double imbalance, Boolean sampler, AugmentConfig augment) { }

    public static final List<Step> STEPS = List.of(
            new Step("A long tail: the first class has a hundred times the training images of the last.",
                    Screen.DATA, 0.01, false, AugmentConfig.none()),
            new Step("The baseline, trained on it as it is, learns the head classes and fails on the tail: press F5 and watch the last rows.",
                    Screen.TRAINING, null, false, AugmentConfig.none()),
            new Step("The sampler draws tail images more often, so every class weighs the same in each epoch.",
                    Screen.SAMPLER, null, true, null),
            new Step("Augmentation turns the repeated tail images into new variants, so the network cannot memorise them.",
                    Screen.AUGMENTATION, null, true, AugmentConfig.study()),
            new Step("The comparison: baseline and improved side by side, and the gain is on the tail's diagonal.",
                    Screen.COMPARE, null, null, null));

    private final Workbench workbench;
    private final ObjectProperty<Screen> screen;
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", -1);
    private final ReadOnlyStringWrapper sentence = new ReadOnlyStringWrapper(this, "sentence", "");
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper(this, "position", "");

    public Lesson(Workbench workbench, ObjectProperty<Screen> screen) {
        this.workbench = workbench;
        this.screen = screen;
    }

    /** Goes to step {@code i} (clamped) and sets the window up for it. */
    public void go(int i) {
        int k = Math.max(0, Math.min(STEPS.size() - 1, i));
        Step s = STEPS.get(k);
        applySettings(s);
        screen.set(s.screen());
        index.set(k);
        sentence.set(s.sentence());
        position.set((k + 1) + " / " + STEPS.size());
    }

    /** Sets the current step's data and remedies again (a data set loaded meanwhile reset the imbalance to 1). */
    public void reapply() {
        if (index.get() >= 0) applySettings(STEPS.get(index.get()));
    }

    private void applySettings(Step s) {
        if (workbench.busyProperty().get()) return;
        if (s.imbalance() != null) workbench.imbalanceProperty().set(s.imbalance());
        if (s.sampler() != null) workbench.samplerProperty().set(s.sampler());
        if (s.augment() != null) workbench.augmentProperty().set(s.augment());
    }

    public void next() { go(index.get() + 1); }

    public void back() { go(index.get() - 1); }

    /** The step shown, from 0; -1 before the lesson starts. */
    public ReadOnlyIntegerProperty indexProperty() { return index.getReadOnlyProperty(); }
    public ReadOnlyStringProperty sentenceProperty() { return sentence.getReadOnlyProperty(); }
    /** "2 / 5" */
    public ReadOnlyStringProperty positionProperty() { return position.getReadOnlyProperty(); }
}
