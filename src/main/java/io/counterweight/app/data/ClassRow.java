package io.counterweight.app.data;

/**
 * One class as the Data screen shows it: training images loaded, kept after the long-tail
 * selection, and its sampler weight (largest class = 1).
 */
public record ClassRow(int id, String name, int loadedCount, int count, double weight) { }
