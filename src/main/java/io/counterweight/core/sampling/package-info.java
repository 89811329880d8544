/**
 * Re-weighting for imbalanced training sets: class weights (inverse frequency, effective number of
 * samples) and the per-epoch index samplers that use them (re-weighted with replacement, or a plain
 * shuffle as the baseline).
 */
package io.counterweight.core.sampling;
