/** The Sampler screen: the re-weighted random sampler switch, its weight mode and what the model sees per class. */
package io.counterweight.app.sampler;
