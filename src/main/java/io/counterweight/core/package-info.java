/**
 * The headless core of Counterweight: data, sampling, augmentation, models, training, metrics and
 * experiments. Nothing here imports JavaFX, so the CLI, the tests and the GUI all use the same code.
 * {@link io.counterweight.core.CounterweightException} carries errors the user can act on.
 */
package io.counterweight.core;
