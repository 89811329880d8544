package io.counterweight.core.experiment.grid;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.augment.AugmentConfig;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.train.LossKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The remedy names a grid accepts, each with what it switches on in a config. A cell's remedy is one name
 * or several joined by '+' ("sampler+augment"), applied in turn to the base config with every remedy off
 * ({@link ExperimentConfig#asBaseline()}). A new remedy is one line in {@link #REMEDIES}.
 */
public final class RemedyRegistry {

    /** One remedy: its name on the command line, a one-line description, and its change to a config. */
    public record Remedy(String name, String description, UnaryOperator<ExperimentConfig.Builder> apply) { }

    public static final String BASELINE = "baseline";
    /** Mixup's α in a grid: 0.2 mixes mildly (λ mostly near 0 or 1), which short CPU runs tolerate. */
    public static final double MIXUP_ALPHA = 0.2;

    private static final List<Remedy> REMEDIES = List.of(
            new Remedy(BASELINE, "no remedy (cannot be combined)", b -> b),
            new Remedy("sampler", "re-weighted random sampler (uses --weight-mode, --beta)", b -> b.sampler(true)),
            new Remedy("augment", "the study's four augmentations, each p = 0.3", b -> b.augment(AugmentConfig.study())),
            new Remedy("weighted", "class-weighted cross-entropy (uses --weight-mode, --beta)", b -> b.loss(LossKind.WEIGHTED)),
            new Remedy("drw", "deferred re-weighting: the weighted loss from the last third of the epochs",
                    b -> b.loss(LossKind.WEIGHTED).deferEpoch(b.lastThirdEpoch())),
            new Remedy("drs", "deferred re-sampling: the sampler from the last third of the epochs",
                    b -> b.sampler(true).deferEpoch(b.lastThirdEpoch())),
            new Remedy("logit-adjust", "logit-adjusted loss, tau = 1 (the balanced softmax)",
                    b -> b.loss(LossKind.LOGIT_ADJUSTED).tau(1.0)),
            new Remedy("mixup", "mixup of image pairs and their labels, alpha = " + MIXUP_ALPHA, b -> b.mixup(MIXUP_ALPHA)));

    private RemedyRegistry() { }

    public static List<Remedy> all() {
        return REMEDIES;
    }

    public static List<String> names() {
        return REMEDIES.stream().map(Remedy::name).toList();
    }

    /** "  baseline   no remedy …" per line: the list {@code --help} shows. */
    public static String describe() {
        StringBuilder sb = new StringBuilder();
        for (Remedy r : REMEDIES) sb.append(String.format(Locale.ROOT, "  %-13s %s%n", r.name(), r.description()));
        return sb.toString();
    }

    /**
     * A combination such as "augment+sampler", in its canonical form (registry order: "sampler+augment").
     *
     * @throws CounterweightException naming the unknown name and the known ones, a repeated name, or
     *                                baseline combined with another remedy
     */
    public static RemedySet parse(String combination) {
        String text = combination == null ? "" : combination.strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) throw new CounterweightException("--remedies: empty remedy name; known: " + String.join(", ", names()));
        List<Integer> picked = new ArrayList<>();
        for (String token : text.split("\\+", -1)) {
            int i = names().indexOf(token.strip());
            if (i < 0) {
                throw new CounterweightException("--remedies: unknown remedy '" + token.strip() + "' in '" + combination
                        + "'; known: " + String.join(", ", names()) + " (combine with +)");
            }
            if (picked.contains(i)) throw new CounterweightException("--remedies: '" + token.strip() + "' twice in '" + combination + "'");
            picked.add(i);
        }
        if (picked.size() > 1 && picked.contains(0)) {
            throw new CounterweightException("--remedies: baseline means no remedy; it cannot be combined ('" + combination + "')");
        }
        return new RemedySet(picked.stream().sorted().map(REMEDIES::get).toList());
    }

    /** Each of {@code combinations} parsed; a combination given twice (in any order) is an error. */
    public static List<RemedySet> parseAll(List<String> combinations) {
        if (combinations == null || combinations.isEmpty()) throw new CounterweightException("--remedies: give at least one remedy");
        List<RemedySet> sets = new ArrayList<>();
        for (String c : combinations) {
            RemedySet s = parse(c);
            if (sets.contains(s)) throw new CounterweightException("--remedies: '" + s.name() + "' is given twice");
            sets.add(s);
        }
        return sets;
    }

    /**
     * Orders remedy names as every grid table shows them: fewer parts first, then registry order; names not
     * in the registry (collected from elsewhere) last, alphabetically.
     */
    public static int compareNames(String a, String b) {
        return key(a).compareTo(key(b));
    }

    private static String key(String name) {
        try {
            RemedySet s = parse(name);
            StringBuilder k = new StringBuilder().append((char) ('0' + Math.min(9, s.parts().size())));
            for (Remedy r : s.parts()) k.append((char) ('A' + REMEDIES.indexOf(r)));
            return k.toString();
        } catch (CounterweightException e) {
            return "~" + name;
        }
    }

    /** A parsed combination of remedies, in registry order. */
    public record RemedySet(List<Remedy> parts) {
        public RemedySet {
            parts = List.copyOf(parts);
        }

        public String name() {
            return String.join("+", parts.stream().map(Remedy::name).toList());
        }

        /** {@code base} with every remedy off, then these switched on. */
        public ExperimentConfig.Builder apply(ExperimentConfig base) {
            ExperimentConfig.Builder b = base.asBaseline().toBuilder();
            for (Remedy r : parts) b = r.apply().apply(b);
            return b;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RemedySet s && s.name().equals(name());
        }

        @Override
        public int hashCode() {
            return name().hashCode();
        }
    }
}
