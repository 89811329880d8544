/**
 * Custom drawing for the workbench: the Canvas confusion-matrix heatmap with its colour legend, the
 * colour-blind-safe viridis palette, and loss smoothing for the live curves.
 */
package io.counterweight.app.chart;
