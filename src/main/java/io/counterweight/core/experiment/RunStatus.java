package io.counterweight.core.experiment;

import java.util.Locale;

/**
 * Where a run stands, as the run history shows it. Derived from provenance.json's status and the run's
 * lock: a run whose provenance still says "running" but whose process no longer holds the lock died
 * without finishing (killed, power cut), and is {@link #INTERRUPTED}.
 */
public enum RunStatus {
    RUNNING, FINISHED, STOPPED, DIVERGED, INTERRUPTED, FAILED;

    /** The provenance status a diverged run ends with starts like this (see {@code Trainer}). */
    static final String DIVERGED_PREFIX = "failed: training diverged";

    /** @param provenanceStatus provenance.json's status; {@code locked} whether a process holds the run's lock */
    public static RunStatus of(String provenanceStatus, boolean locked) {
        if (provenanceStatus == null) return locked ? RUNNING : INTERRUPTED;
        if (provenanceStatus.equals(Provenance.RUNNING)) return locked ? RUNNING : INTERRUPTED;
        if (provenanceStatus.equals("completed")) return FINISHED;
        if (provenanceStatus.equals("cancelled")) return STOPPED;
        if (provenanceStatus.startsWith(DIVERGED_PREFIX)) return DIVERGED;
        return FAILED;
    }

    /** "finished", "interrupted", …: the word in the CLI's JSON and the window. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
