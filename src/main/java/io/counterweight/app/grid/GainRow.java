package io.counterweight.app.grid;

/** Per-class gain of a remedy over the baseline on the same seeds, as text (recall and F1 in points of 0–1). */
public record GainRow(String remedy, String ratio, String className, int n, String recallGain, String f1Gain) { }
