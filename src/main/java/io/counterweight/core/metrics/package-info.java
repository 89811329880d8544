/**
 * How a run is judged: the confusion matrix (rows = true class, columns = prediction) and everything
 * the study reports from it — per-class precision/recall/F1, macro-F1, accuracy, balanced accuracy, and
 * accuracy over head (&gt; 100 training images), medium (20–100) and tail (&lt; 20) classes — and how two
 * runs differ: the difference of their matrices normalised per true class, and each class's change of
 * recall and F1.
 */
package io.counterweight.core.metrics;
