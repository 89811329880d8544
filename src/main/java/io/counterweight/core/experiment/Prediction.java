package io.counterweight.core.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What a saved model says about one image: its most likely classes, most likely first. */
public record Prediction(Path image, List<Scored> top) {

    public Prediction {
        top = List.copyOf(top);
    }

    /** One class and the network's softmax probability for it. */
    public record Scored(String className, double probability) { }

    /** The {@code k} largest of {@code probabilities} (ties: the lower class id first). */
    static Prediction of(Path image, float[] probabilities, List<String> classNames, int k) {
        List<Scored> all = new ArrayList<>(probabilities.length);
        for (int c = 0; c < probabilities.length; c++) all.add(new Scored(classNames.get(c), probabilities[c]));
        // a stable sort keeps class-id order among equal probabilities
        all.sort(Comparator.comparingDouble(Scored::probability).reversed());
        return new Prediction(image, all.subList(0, Math.min(k, all.size())));
    }

    /** The most likely class. */
    public String best() {
        return top.get(0).className();
    }
}
