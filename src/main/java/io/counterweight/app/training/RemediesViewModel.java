package io.counterweight.app.training;

import io.counterweight.app.Workbench;
import io.counterweight.core.CounterweightException;
import io.counterweight.core.experiment.RemedyInfo;
import io.counterweight.core.train.LossKind;
import io.counterweight.core.train.LrDecay;
import java.util.List;
import java.util.Locale;
import javafx.beans.Observable;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * State of the "Loss & schedule" card on the Training screen: the remedies that act inside training
 * (the loss, deferred re-balancing, mixup) and the learning rate's warm-up and decay. The values live in
 * the {@link Workbench}, so a run records them in its config.json; the class weights of the weighted loss
 * are the Sampler screen's (weight mode and β). A bad combination is named here, live, with the message
 * Start would give.
 */
public final class RemediesViewModel {
    private final Workbench workbench;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final BooleanProperty explained = new SimpleBooleanProperty(this, "explained", false);

    public RemediesViewModel(Workbench workbench) {
        this.workbench = workbench;
        Observable[] inputs = {workbench.lossProperty(), workbench.tauProperty(), workbench.deferEpochProperty(),
            workbench.mixupProperty(), workbench.samplerProperty(), workbench.epochsProperty(), workbench.warmupProperty(),
            workbench.decayProperty(), workbench.decayEveryProperty(), workbench.decayGammaProperty()};
        for (Observable o : inputs) o.addListener(x -> check());
        check();
    }

    private void check() {
        try {
            workbench.config("run").validate();
            problem.set("");
        } catch (CounterweightException e) {
            problem.set(e.getMessage());
        }
    }

    /** A remedy's paragraph and its reference, as the tooltips and the explanation panel show them. */
    public static String explain(RemedyInfo info) {
        return info.title() + "\n" + info.paragraph() + "\nReference: " + info.reference();
    }

    /** The remedies this card sets, in the order of its controls. */
    public List<RemedyInfo> remedies() {
        return List.of(RemedyInfo.WEIGHTED_LOSS, RemedyInfo.LOGIT_ADJUSTED, RemedyInfo.DEFERRED, RemedyInfo.MIXUP,
                RemedyInfo.WARMUP, RemedyInfo.DECAY);
    }

    /** How the loss choice reads, e.g. "class-weighted (Sampler tab's weights)". */
    public static String label(LossKind k) {
        if (k == null) return "";
        return switch (k) {
            case CROSS_ENTROPY -> "cross-entropy";
            case WEIGHTED -> "class-weighted";
            case LOGIT_ADJUSTED -> "logit-adjusted (τ)";
        };
    }

    public static String label(LrDecay d) {
        return d == null ? "" : d.name().toLowerCase(Locale.ROOT);
    }

    /** τ matters only for the logit-adjusted loss. */
    public BooleanBinding tauUsedBinding() {
        return workbench.lossProperty().isEqualTo(LossKind.LOGIT_ADJUSTED);
    }

    /** "every" and "gamma" matter only for step decay. */
    public BooleanBinding stepUsedBinding() {
        return workbench.decayProperty().isEqualTo(LrDecay.STEP);
    }

    /** Deferral needs something to defer: the sampler (Sampler tab) or the weighted loss. */
    public BooleanBinding deferUsedBinding() {
        return Bindings.createBooleanBinding(
                () -> workbench.samplerProperty().get() || workbench.lossProperty().get() == LossKind.WEIGHTED,
                workbench.samplerProperty(), workbench.lossProperty());
    }

    public Workbench workbench() { return workbench; }
    public ObjectProperty<LossKind> lossProperty() { return workbench.lossProperty(); }
    public DoubleProperty tauProperty() { return workbench.tauProperty(); }
    public IntegerProperty deferEpochProperty() { return workbench.deferEpochProperty(); }
    public DoubleProperty mixupProperty() { return workbench.mixupProperty(); }
    public IntegerProperty warmupProperty() { return workbench.warmupProperty(); }
    public ObjectProperty<LrDecay> decayProperty() { return workbench.decayProperty(); }
    public IntegerProperty decayEveryProperty() { return workbench.decayEveryProperty(); }
    public DoubleProperty decayGammaProperty() { return workbench.decayGammaProperty(); }
    /** Why Start would refuse the current loss/schedule settings; empty when they are fine. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    /** Whether the panel with every remedy's paragraph is open. */
    public BooleanProperty explainedProperty() { return explained; }
}
