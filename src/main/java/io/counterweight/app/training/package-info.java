/** The Training screen: recipe and presets, run controls, live progress, loss/metric curves, heatmap and per-class table. */
package io.counterweight.app.training;
