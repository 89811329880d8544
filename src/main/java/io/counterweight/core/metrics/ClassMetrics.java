package io.counterweight.core.metrics;

/** Precision, recall and F1 of one class; {@code support} = test images of that class. */
public record ClassMetrics(String name, double precision, double recall, double f1, long support) { }
