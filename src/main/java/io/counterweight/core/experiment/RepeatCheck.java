package io.counterweight.core.experiment;

import io.counterweight.core.train.BackendInfo;
import io.counterweight.core.train.SpeedSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What will make a repeat give other numbers than the run it repeats, said before it starts: the data
 * set changed on disk (another fingerprint for the same data options), another backend or device, or
 * other speed settings (thread plan, ND4J threads, convolution engine: each changes float summation
 * order). Settings the user overrode on purpose are not listed; they are in the new run's config.
 */
public final class RepeatCheck {
    private RepeatCheck() { }

    /**
     * @param original     the repeated run's config and provenance
     * @param repeat       the new run's config (the original with the user's overrides)
     * @param fingerprint  the data as the repeat loaded and selected it
     */
    public static List<String> differences(ExperimentConfig original, Provenance originalProvenance, ExperimentConfig repeat,
                                           String fingerprint, SpeedSettings speed, BackendInfo backend) {
        List<String> out = new ArrayList<>();
        Provenance.DataOrigin data = originalProvenance.data();
        if (original.data().equals(repeat.data()) && data != null && data.fingerprint() != null
                && !data.fingerprint().equals(fingerprint)) {
            out.add("the data set changed since the run: fingerprint " + data.fingerprint() + " then, " + fingerprint + " now");
        }
        Provenance.Machine m = originalProvenance.machine();
        if (m != null && !Objects.equals(m.backend(), backend.backend())) {
            out.add("another backend: " + m.backend() + " then, " + backend.backend() + " now");
        }
        if (m != null && !Objects.equals(m.device(), backend.device())) {
            out.add("another device: " + m.device() + " then, " + backend.device() + " now");
        }
        SpeedSettings then = originalProvenance.speed();
        if (then == null) {
            out.add("the run recorded no speed settings (written by an older version): identical metrics are not guaranteed");
        } else {
            if (then.replicas() != speed.replicas() || then.nativeThreadsPerReplica() != speed.nativeThreadsPerReplica()) {
                out.add("another thread plan: " + plan(then) + " then, " + plan(speed) + " now");
            }
            if (then.nd4jThreads() != speed.nd4jThreads()) {
                out.add("another ND4J thread count: " + then.nd4jThreads() + " then, " + speed.nd4jThreads() + " now");
            }
            if (!Objects.equals(then.convolution(), speed.convolution())) {
                out.add("another convolution engine: " + then.convolution() + " then, " + speed.convolution() + " now");
            }
        }
        return List.copyOf(out);
    }

    private static String plan(SpeedSettings s) {
        return s.replicas() == 1 ? "one replica on " + s.nativeThreadsPerReplica() + " native thread(s)"
                : "batch split over " + s.replicas() + " replicas × " + s.nativeThreadsPerReplica() + " native thread(s)";
    }
}
