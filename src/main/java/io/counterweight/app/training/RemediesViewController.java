package io.counterweight.app.training;

import io.counterweight.core.experiment.RemedyInfo;
import io.counterweight.core.train.LossKind;
import io.counterweight.core.train.LrDecay;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * Binds the "Loss & schedule" card to its {@link RemediesViewModel}. Each control's label carries its
 * remedy's paragraph as a tooltip (labels stay hoverable while a run disables the controls); the
 * "What do these do?" button opens all paragraphs at once.
 */
public final class RemediesViewController {
    /** asObject() adapters are only weakly held by bidirectional bindings: keep them alive. */
    private final List<Object> strongRefs = new ArrayList<>();
    private final RemediesViewModel vm;

    @FXML private VBox root;
    @FXML private ChoiceBox<LossKind> lossChoice;
    @FXML private TextField tauField;
    @FXML private Spinner<Integer> deferSpinner;
    @FXML private TextField mixupField;
    @FXML private Spinner<Integer> warmupSpinner;
    @FXML private ChoiceBox<LrDecay> decayChoice;
    @FXML private Spinner<Integer> everySpinner;
    @FXML private TextField gammaField;
    @FXML private Label lossLabel;
    @FXML private Label tauLabel;
    @FXML private Label deferLabel;
    @FXML private Label mixupLabel;
    @FXML private Label warmupLabel;
    @FXML private Label decayLabel;
    @FXML private Label everyLabel;
    @FXML private Label gammaLabel;
    @FXML private ToggleButton explainButton;
    @FXML private Label problemLabel;
    @FXML private VBox explanationBox;

    public RemediesViewController(RemediesViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        // Nothing else refers to this controller (no handlers in its FXML): without this anchor it and the
        // asObject() adapters it keeps were collected, and the number fields silently stopped reaching the model.
        root.getProperties().put(RemediesViewController.class, this);
        lossChoice.setItems(FXCollections.observableArrayList(LossKind.values()));
        lossChoice.setConverter(converter(RemediesViewModel::label));
        lossChoice.valueProperty().bindBidirectional(vm.lossProperty());
        TrainingViewController.number(tauField).valueProperty().bindBidirectional(keep(vm.tauProperty().asObject()));
        spinner(deferSpinner, 0, 10_000).bindBidirectional(keep(vm.deferEpochProperty().asObject()));
        TrainingViewController.number(mixupField).valueProperty().bindBidirectional(keep(vm.mixupProperty().asObject()));
        spinner(warmupSpinner, 0, 10_000).bindBidirectional(keep(vm.warmupProperty().asObject()));
        decayChoice.setItems(FXCollections.observableArrayList(LrDecay.values()));
        decayChoice.setConverter(converter(RemediesViewModel::label));
        decayChoice.valueProperty().bindBidirectional(vm.decayProperty());
        spinner(everySpinner, 1, 10_000).bindBidirectional(keep(vm.decayEveryProperty().asObject()));
        TrainingViewController.number(gammaField).valueProperty().bindBidirectional(keep(vm.decayGammaProperty().asObject()));

        var busy = vm.workbench().busyProperty();
        for (Node n : List.of(lossChoice, tauField, deferSpinner, mixupField, warmupSpinner, decayChoice, everySpinner, gammaField)) {
            n.disableProperty().bind(busy);
        }
        // Unused values are dimmed, not disabled: a value the core refuses must stay editable where it is shown.
        dimUnless(vm.tauUsedBinding(), tauField, tauLabel);
        dimUnless(vm.deferUsedBinding(), deferSpinner, deferLabel);
        dimUnless(vm.stepUsedBinding(), everySpinner, everyLabel, gammaField, gammaLabel);

        explain(RemedyInfo.WEIGHTED_LOSS, lossLabel, lossChoice,
                "\n\n" + RemediesViewModel.explain(RemedyInfo.LOGIT_ADJUSTED) + "\n\nThe weights are the Sampler tab's (weight mode, β).");
        explain(RemedyInfo.LOGIT_ADJUSTED, tauLabel, tauField, "");
        explain(RemedyInfo.DEFERRED, deferLabel, deferSpinner, "\n\n0 = from the start; needs the sampler or the weighted loss.");
        explain(RemedyInfo.MIXUP, mixupLabel, mixupField, "\n\n0 = off.");
        explain(RemedyInfo.WARMUP, warmupLabel, warmupSpinner, "");
        explain(RemedyInfo.DECAY, decayLabel, decayChoice, "");
        explain(RemedyInfo.DECAY, everyLabel, everySpinner, "");
        explain(RemedyInfo.DECAY, gammaLabel, gammaField, "");

        problemLabel.textProperty().bind(vm.problemProperty());
        problemLabel.managedProperty().bind(vm.problemProperty().isNotEmpty());
        problemLabel.visibleProperty().bind(problemLabel.managedProperty());
        explainButton.selectedProperty().bindBidirectional(vm.explainedProperty());
        for (RemedyInfo info : vm.remedies()) {
            Label title = new Label(info.title());
            title.getStyleClass().add("remedy-title");
            Label paragraph = new Label(info.paragraph() + "\nReference: " + info.reference());
            paragraph.setWrapText(true);
            paragraph.getStyleClass().add("remedy-paragraph");
            explanationBox.getChildren().add(new VBox(1, title, paragraph));
        }
        explanationBox.managedProperty().bind(vm.explainedProperty());
        explanationBox.visibleProperty().bind(vm.explainedProperty());
    }

    private static void dimUnless(javafx.beans.binding.BooleanBinding used, Node... nodes) {
        for (Node n : nodes) {
            n.opacityProperty().bind(javafx.beans.binding.Bindings.when(used).then(1.0).otherwise(0.45));
        }
    }

    private static void explain(RemedyInfo info, Label label, Control control, String extra) {
        Tooltip tip = new Tooltip(RemediesViewModel.explain(info) + extra);
        tip.setWrapText(true);
        tip.setMaxWidth(460);
        tip.setShowDelay(Duration.millis(250));
        tip.setShowDuration(Duration.seconds(60));
        label.setTooltip(tip);
        control.setTooltip(tip);
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override public String toString(T v) { return f.apply(v); }
            @Override public T fromString(String s) { return null; }
        };
    }

    private static javafx.beans.property.ObjectProperty<Integer> spinner(Spinner<Integer> s, int min, int max) {
        var f = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, min);
        s.setValueFactory(f);
        return f.valueProperty();
    }

    private <T> T keep(T adapter) {
        strongRefs.add(adapter);
        return adapter;
    }
}
