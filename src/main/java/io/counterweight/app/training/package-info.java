/**
 * The Training screen: recipe and presets, run controls, live progress, loss/metric curves, heatmap and
 * per-class table; and {@code WarmUp}, the throw-away epoch that compiles the training path before the first
 * Start.
 */
package io.counterweight.app.training;
