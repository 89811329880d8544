/**
 * The Compare screen: two or more runs side by side, trained now (baseline, and improved as the Sampler and
 * Augmentation tabs set it up) or chosen from the run history; curves per run, one epoch scrubber over every
 * run's confusion matrix, the difference map and the per-class changes.
 */
package io.counterweight.app.compare;
