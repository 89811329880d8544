/**
 * The data set model (uint8 CHW images in a {@link io.counterweight.core.data.PixelStore} of a few large
 * arrays, labels, class names, notes), one reader per on-disk format
 * (CIFAR binary and pickle, IDX, IDC, plain folders), format detection, the generated demo set, and the
 * study's class selection and long-tail builder.
 */
package io.counterweight.core.data;
