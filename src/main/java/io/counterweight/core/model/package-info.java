/**
 * The networks Counterweight trains, built as DL4J {@link org.deeplearning4j.nn.multilayer.MultiLayerNetwork}s
 * from a model name, the image shape and the recipe of an experiment; speed knobs live in {@link io.counterweight.core.model.ModelTuning}.
 */
package io.counterweight.core.model;
