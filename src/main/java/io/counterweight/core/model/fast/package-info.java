/**
 * Faster drop-in layers for DL4J: same configuration, parameters, serialisation and maths as the standard
 * layers, with the CPU hot path (im2col + one GEMM) written for speed; other backends use DL4J's own code.
 */
package io.counterweight.core.model.fast;
