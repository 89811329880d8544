/**
 * Training: the epoch loop ({@link io.counterweight.core.train.Trainer}), the batch split over replicas
 * ({@link io.counterweight.core.train.DataParallelStep}), batch assembly and the
 * prefetching input pipeline, the sampler, augmentation, mixup and per-epoch schedule seams (learning rate,
 * deferred loss: {@link io.counterweight.core.train.RemedySchedule}), and the plain event records and
 * cancel/pause flags through which the CLI and the GUI follow a run.
 */
package io.counterweight.core.train;
