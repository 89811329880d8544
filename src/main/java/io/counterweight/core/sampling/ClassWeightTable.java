package io.counterweight.core.sampling;

import io.counterweight.core.CounterweightException;
import java.util.List;
import java.util.Locale;

/**
 * Class names, training counts and weights side by side, for the UI table and the CLI (the study shows
 * a count row and a weight row).
 */
public record ClassWeightTable(List<String> names, int[] counts, double[] weights) {

    public ClassWeightTable {
        names = List.copyOf(names);
        counts = counts.clone();
        weights = weights.clone();
        if (names.size() != counts.length || counts.length != weights.length) {
            throw new IllegalArgumentException("names, counts and weights differ in length: "
                    + names.size() + ", " + counts.length + ", " + weights.length);
        }
    }

    public static ClassWeightTable of(List<String> names, int[] counts, WeightMode mode, double beta) {
        if (names.size() != counts.length) {
            throw new CounterweightException("class weights: " + names.size() + " class names but " + counts.length + " counts");
        }
        return new ClassWeightTable(names, counts, ClassWeights.compute(counts, mode, beta));
    }

    public int size() {
        return counts.length;
    }

    /** Share of the re-weighted sampler's draws that go to each class: w_c·n_c / Σ w·n. */
    public double[] drawShares() {
        double total = 0;
        double[] share = new double[counts.length];
        for (int c = 0; c < counts.length; c++) total += share[c] = weights[c] * counts[c];
        for (int c = 0; c < counts.length; c++) share[c] /= total;
        return share;
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** Three aligned rows (class, count, weight) as plain text, e.g. for the CLI. */
    public String toText() {
        StringBuilder name = new StringBuilder("class ");
        StringBuilder count = new StringBuilder("count ");
        StringBuilder weight = new StringBuilder("weight");
        for (int c = 0; c < counts.length; c++) {
            String n = names.get(c), k = Integer.toString(counts[c]), w = String.format(Locale.ROOT, "%.4g", weights[c]);
            int width = Math.max(n.length(), Math.max(k.length(), w.length())) + 2;
            name.append(pad(n, width));
            count.append(pad(k, width));
            weight.append(pad(w, width));
        }
        return name + "\n" + count + "\n" + weight + "\n";
    }

    private static String pad(String s, int width) {
        return " ".repeat(width - s.length()) + s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassWeightTable t && names.equals(t.names)
                && java.util.Arrays.equals(counts, t.counts) && java.util.Arrays.equals(weights, t.weights);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * names.hashCode() + java.util.Arrays.hashCode(counts)) + java.util.Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "ClassWeightTable" + names + java.util.Arrays.toString(counts) + java.util.Arrays.toString(weights);
    }
}
