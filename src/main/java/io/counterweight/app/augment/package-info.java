/** The Augmentation screen: the four transforms' switches, probabilities and magnitudes, and a live preview grid. */
package io.counterweight.app.augment;
