/**
 * Random image augmentation on uint8 CHW pixels, the study's four independent transforms (rotation,
 * affine, horizontal flip, colour jitter), each with its own probability and magnitude; a seeded
 * pipeline for training and a deterministic preview for the GUI.
 */
package io.counterweight.core.augment;
