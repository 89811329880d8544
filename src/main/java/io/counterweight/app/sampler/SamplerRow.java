package io.counterweight.app.sampler;

/**
 * One class in the "what the model sees" chart: training images, the draws per epoch the sampler
 * is expected to make, and the draws it actually made in the last trained epoch (-1 before training).
 */
public record SamplerRow(int id, String name, int count, double weight, double expectedDraws, int actualDraws) { }
