package io.counterweight.app.runs;

import io.counterweight.core.augment.TransformConfig;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.Provenance;
import io.counterweight.core.experiment.RunSummary;
import io.counterweight.core.train.SpeedSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A run's config.json and provenance.json as rows of section, setting and value, in the order a reader
 * asks: the folder, what was trained (data, remedies, recipe), then where and how (data origin, software,
 * machine, speed settings, times and status). Missing parts are left out; nothing here reads files.
 */
public final class RunDetails {
    private final List<RunDetail> rows = new ArrayList<>();
    private String section;

    private RunDetails() { }

    /** @param config null when config.json is unreadable; @param provenance null when provenance.json is */
    public static List<RunDetail> of(Path runDir, ExperimentConfig config, Provenance provenance) {
        RunDetails d = new RunDetails();
        d.section("run").add("folder", runDir == null ? null : runDir.getFileName().toString());
        if (runDir != null) d.add("in", String.valueOf(runDir.getParent()));
        if (config != null) d.config(config);
        if (provenance != null) d.provenance(provenance);
        return List.copyOf(d.rows);
    }

    private void config(ExperimentConfig c) {
        add("label", c.label()).add("seed", Long.toString(c.seed()));
        var data = c.data();
        section("data").add("path", data.path()).add("format", data.format().id())
                .add("classes", data.classes() == 0 ? "all" : Integer.toString(data.classes()))
                .add("imbalance", number(data.imbalance()));
        if (!data.perClass().isEmpty()) add("per class", data.perClass().toString().replaceAll("[\\[\\]]", ""));
        if (data.imageSize() > 0) add("image size", data.imageSize() + " px");
        var r = c.remedies();
        section("remedies").add("summary", RunSummary.describeRemedies(r)).add("sampler", r.sampler() ? "on" : "off");
        if (r.sampler()) add("weights", r.weightMode().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", β " + number(r.beta()));
        transform("rotation", r.augment().rotation());
        transform("affine", r.augment().affine());
        transform("flip", r.augment().flip());
        transform("jitter", r.augment().jitter());
        var recipe = c.recipe();
        section("recipe").add("model", recipe.model()).add("epochs", Integer.toString(recipe.epochs()))
                .add("batch", Integer.toString(recipe.batch())).add("learning rate", number(recipe.learningRate()))
                .add("momentum", number(recipe.momentum()));
    }

    private void transform(String name, TransformConfig t) {
        add(name, t.enabled() ? "p " + number(t.probability()) + ", magnitude " + number(t.magnitude()) : "off");
    }

    private void provenance(Provenance p) {
        if (p.data() != null) {
            var d = p.data();
            section("trained on").add("data set", d.name()).add("fingerprint", d.fingerprint()).add("image shape", d.imageShape())
                    .add("classes", d.classNames().isEmpty() ? null : Integer.toString(d.classNames().size()))
                    .add("train counts", counts(d.trainCounts())).add("test counts", counts(d.testCounts()));
        }
        if (p.software() != null) {
            var s = p.software();
            section("software").add("Counterweight", s.counterweight()).add("Java", join(s.java(), s.javaVendor()))
                    .add("DL4J", s.dl4j()).add("ND4J", s.nd4j());
        }
        if (p.machine() != null) {
            var m = p.machine();
            section("machine").add("backend", m.backend()).add("device", m.device())
                    .add("OS", join(m.os(), join(m.osVersion(), m.arch())));
        }
        SpeedSettings sp = p.speed();
        if (sp != null) {
            section("speed").add("threads", Integer.toString(sp.computeThreads()))
                    .add("thread plan", sp.replicas() <= 1 ? "batch not split" : sp.replicas() + " replicas × "
                            + sp.nativeThreadsPerReplica() + " native threads")
                    .add("ND4J threads", Integer.toString(sp.nd4jThreads())).add("convolution", sp.convolution());
        }
        section("outcome").add("started", p.startTime()).add("ended", p.endTime())
                .add("status", p.status()).add("repeats", p.repeatOf());
    }

    private RunDetails section(String name) {
        section = name;
        return this;
    }

    private RunDetails add(String key, String value) {
        if (value == null || value.isBlank()) return this;
        rows.add(new RunDetail(section, key, value));
        section = "";
        return this;
    }

    private static String join(String a, String b) {
        if (a == null) return b;
        return b == null || b.isBlank() ? a : a + " · " + b;
    }

    private static String counts(List<Integer> counts) {
        if (counts.isEmpty()) return null;
        int total = counts.stream().mapToInt(Integer::intValue).sum();
        String list = counts.size() <= 12 ? counts.toString().replaceAll("[\\[\\]]", "")
                : counts.subList(0, 12).toString().replaceAll("[\\[\\]]", "") + ", …";
        return String.format(Locale.ROOT, "%,d: %s", total, list);
    }

    static String number(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
