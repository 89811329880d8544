package io.counterweight.app.drill;

/** One test image of a confusion cell: its index in the test split, its true and predicted class, the confidence. */
public record CellImage(int index, int truth, int predicted, float probability) { }
