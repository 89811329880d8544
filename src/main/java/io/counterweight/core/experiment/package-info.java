/**
 * Experiments: the validated, JSON-serialisable run config, the run folder (config, provenance, metrics,
 * confusion matrices, model, result) written as a run goes and read back for comparison, and the runner
 * that loads data, applies the remedies and trains; {@code SavedModel} reuses a run's network to evaluate it on
 * other data or to classify image files.
 */
package io.counterweight.core.experiment;
