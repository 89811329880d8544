package io.counterweight.app.augment;

import io.counterweight.core.augment.TransformConfig;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/** One transform's switch, probability and magnitude as properties, convertible to the core record. */
public final class TransformModel {
    private final String name;
    private final String description;
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled");
    private final DoubleProperty probability = new SimpleDoubleProperty(this, "probability", 0.3);
    private final DoubleProperty magnitude = new SimpleDoubleProperty(this, "magnitude", 0.5);

    public TransformModel(String name, String description) {
        this.name = name;
        this.description = description;
    }

    public TransformConfig toConfig() {
        return new TransformConfig(enabled.get(), clamp(probability.get()), clamp(magnitude.get()));
    }

    public void set(TransformConfig c) {
        enabled.set(c.enabled());
        probability.set(c.probability());
        magnitude.set(c.magnitude());
    }

    public Observable[] observables() {
        return new Observable[] {enabled, probability, magnitude};
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    public String name() { return name; }
    public String description() { return description; }
    public BooleanProperty enabledProperty() { return enabled; }
    public DoubleProperty probabilityProperty() { return probability; }
    public DoubleProperty magnitudeProperty() { return magnitude; }
}
