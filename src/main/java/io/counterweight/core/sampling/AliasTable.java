package io.counterweight.core.sampling;

import java.util.SplittableRandom;

/**
 * Vose's alias method: O(k) setup, O(1) per draw of an outcome in 0..k-1 with probability ∝ mass.
 */
final class AliasTable {
    private final double[] prob;
    private final int[] alias;

    AliasTable(double[] mass) {
        int k = mass.length;
        double total = 0;
        for (double m : mass) total += m;
        prob = new double[k];
        alias = new int[k];
        double[] scaled = new double[k];
        int[] small = new int[k], large = new int[k];
        int ns = 0, nl = 0;
        for (int i = 0; i < k; i++) {
            scaled[i] = mass[i] * k / total;
            if (scaled[i] < 1) small[ns++] = i; else large[nl++] = i;
        }
        while (ns > 0 && nl > 0) {
            int s = small[--ns], l = large[--nl];
            prob[s] = scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            if (scaled[l] < 1) small[ns++] = l; else large[nl++] = l;
        }
        // What is left is 1 up to rounding error.
        while (nl > 0) prob[large[--nl]] = 1;
        while (ns > 0) {
            int s = small[--ns];
            // A zero-mass outcome left over by rounding must never be drawn: point it at itself with
            // probability 0 only if some other column can absorb it; otherwise keep 1 (mass > 0).
            prob[s] = mass[s] > 0 ? 1 : 0;
            alias[s] = mass[s] > 0 ? s : firstPositive(mass);
        }
    }

    private static int firstPositive(double[] mass) {
        for (int i = 0; i < mass.length; i++) if (mass[i] > 0) return i;
        throw new IllegalArgumentException("no outcome has positive mass");
    }

    int sample(SplittableRandom rng) {
        int i = rng.nextInt(prob.length);
        return rng.nextDouble() < prob[i] ? i : alias[i];
    }
}
