package io.counterweight.app.services;

import io.counterweight.core.experiment.Provenance;
import io.counterweight.core.experiment.RunResult;

/**
 * A run folder read back for the Runs screen: the result (config, per-epoch history, last report and
 * confusion) and its provenance. {@code result} is null when the folder cannot be read as a run (then
 * {@code problem} says why); {@code provenance} is null when provenance.json is missing or unreadable.
 */
public record ReopenedRun(RunResult result, Provenance provenance, String problem) { }
