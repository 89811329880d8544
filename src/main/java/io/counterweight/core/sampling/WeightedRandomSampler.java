package io.counterweight.core.sampling;

import io.counterweight.core.CounterweightException;
import java.util.SplittableRandom;

/**
 * PyTorch's {@code WeightedRandomSampler} with per-sample weight = weight of the sample's class: each
 * of the {@code numSamples} draws picks sample i with probability w[y_i] / Σ_j w[y_j], with replacement.
 *
 * <p>Drawn in two steps with the same distribution: a class c with probability ∝ w_c·n_c (Vose alias
 * table over the classes, O(1)), then a uniform member of c. Setup O(n + k), each draw O(1).
 */
public final class WeightedRandomSampler implements EpochSampler {
    private final int numSamples;
    private final int[][] members;
    private final double[] share;
    private final AliasTable classTable;

    /**
     * @param labels       class id of each sample, in 0..classWeights.length-1
     * @param classWeights non-negative weight per class, e.g. from {@link ClassWeights#compute}
     * @param numSamples   draws per epoch (the study: the training-set size)
     */
    public WeightedRandomSampler(int[] labels, double[] classWeights, int numSamples) {
        if (numSamples <= 0) throw new CounterweightException("sampler: samples per epoch must be positive, got " + numSamples);
        if (labels.length == 0) throw new CounterweightException("sampler: the training set is empty");
        int k = classWeights.length;
        for (double w : classWeights) {
            if (!(w >= 0 && Double.isFinite(w))) throw new IllegalArgumentException("class weights must be finite and >= 0");
        }
        int[] counts = countLabels(labels, k);
        members = new int[k][];
        for (int c = 0; c < k; c++) members[c] = new int[counts[c]];
        int[] fill = new int[k];
        for (int i = 0; i < labels.length; i++) members[labels[i]][fill[labels[i]]++] = i;
        share = new double[k];
        double total = 0;
        for (int c = 0; c < k; c++) total += share[c] = classWeights[c] * counts[c];
        if (!(total > 0)) throw new CounterweightException("sampler: no class with training images has a positive weight");
        for (int c = 0; c < k; c++) share[c] /= total;
        this.numSamples = numSamples;
        this.classTable = new AliasTable(share);
    }

    /** Images per class; labels outside 0..numClasses-1 are an error naming the sample. */
    static int[] countLabels(int[] labels, int numClasses) {
        int[] counts = new int[numClasses];
        for (int i = 0; i < labels.length; i++) {
            int y = labels[i];
            if (y < 0 || y >= numClasses) {
                throw new CounterweightException("sampler: label " + y + " of sample " + i + " is outside 0.." + (numClasses - 1));
            }
            counts[y]++;
        }
        return counts;
    }

    /** {@code numSamples} indices drawn with replacement. */
    public int[] sample(SplittableRandom rng) {
        int[] out = new int[numSamples];
        for (int d = 0; d < numSamples; d++) {
            int[] m = members[classTable.sample(rng)];
            out[d] = m[rng.nextInt(m.length)];
        }
        return out;
    }

    @Override
    public int[] epoch(SplittableRandom rng) {
        return sample(rng);
    }

    @Override
    public int samplesPerEpoch() {
        return numSamples;
    }

    /** Expected draws of each class per epoch: numSamples × w_c·n_c / Σ w·n. */
    public double[] expectedDrawsPerClass() {
        double[] e = new double[share.length];
        for (int c = 0; c < e.length; c++) e[c] = numSamples * share[c];
        return e;
    }

    /** How many of {@code indices} fall in each of the {@code k} classes. */
    public static int[] drawsPerClass(int[] indices, int[] labels, int k) {
        int[] draws = new int[k];
        for (int i : indices) draws[labels[i]]++;
        return draws;
    }
}
