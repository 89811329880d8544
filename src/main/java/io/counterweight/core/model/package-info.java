/**
 * The networks Counterweight trains, built as DL4J {@link org.deeplearning4j.nn.multilayer.MultiLayerNetwork}s
 * from a {@link io.counterweight.core.model.ModelSpec} (architecture, seed, optimiser settings) and the image shape;
 * it depends on no layer above it. Speed knobs live in {@link io.counterweight.core.model.ModelTuning}.
 */
package io.counterweight.core.model;
