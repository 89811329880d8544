/**
 * Throughput benchmarks (training, inference, input pipeline), memory and cost-linearity probes, used by
 * {@code counterweight bench} and {@code bench/run.sh}; the networks here mirror the model factory's so
 * the speed work never waits for it.
 */
package io.counterweight.bench;
