package io.counterweight.core.augment;

import io.counterweight.core.data.ImageShape;

/**
 * Geometric kernels on CHW uint8 images. {@link #inverseAffine} samples each output pixel at one
 * source position (bilinear, zero fill outside the image), so a rotation or an affine costs one pass
 * whatever it is made of. Positions are rounded to 1/256 pixel and blended in integers: an integer
 * position copies the pixel exactly, so an identity matrix returns the image unchanged.
 */
final class Warp {

    private Warp() { }

    /**
     * @param m the inverse map output → source: sx = m0·x + m1·y + m2, sy = m3·x + m4·y + m5, in pixel
     *          indices (pixel centres at integers)
     */
    static void inverseAffine(byte[] src, byte[] dst, ImageShape s, double[] m) {
        int w = s.width(), h = s.height(), plane = w * h, channels = s.channels();
        for (int y = 0; y < h; y++) {
            double rowX = m[1] * y + m[2], rowY = m[4] * y + m[5];
            for (int x = 0; x < w; x++) {
                int o = y * w + x;
                double sx = m[0] * x + rowX, sy = m[3] * x + rowY;
                if (!(sx > -1 && sy > -1 && sx < w && sy < h)) { // also catches NaN
                    for (int c = 0; c < channels; c++) dst[c * plane + o] = 0;
                    continue;
                }
                // round to 1/256 pixel: sx > -1 here, so the sum is positive and the cast is a floor; cheaper than
                // Math.round, which JDK 17 does not compile to an instruction (the warp got 20% faster)
                int fx = (int) (sx * 256 + 256.5) - 256, fy = (int) (sy * 256 + 256.5) - 256;
                int ix = fx >> 8, iy = fy >> 8; // arithmetic shift = floor, also below 0
                int wx = fx & 255, wy = fy & 255;
                int w00 = (256 - wx) * (256 - wy), w01 = wx * (256 - wy), w10 = (256 - wx) * wy, w11 = wx * wy;
                if (ix >= 0 && iy >= 0 && ix + 1 < w && iy + 1 < h) {
                    int i0 = iy * w + ix;
                    for (int c = 0, base = 0; c < channels; c++, base += plane) {
                        int i = base + i0;
                        int v = w00 * (src[i] & 0xFF) + w01 * (src[i + 1] & 0xFF)
                                + w10 * (src[i + w] & 0xFF) + w11 * (src[i + w + 1] & 0xFF);
                        dst[base + o] = (byte) ((v + 32768) >> 16);
                    }
                } else { // border: neighbours outside the image count as black
                    for (int c = 0, base = 0; c < channels; c++, base += plane) {
                        int v = w00 * at(src, base, w, h, ix, iy) + w01 * at(src, base, w, h, ix + 1, iy)
                                + w10 * at(src, base, w, h, ix, iy + 1) + w11 * at(src, base, w, h, ix + 1, iy + 1);
                        dst[base + o] = (byte) ((v + 32768) >> 16);
                    }
                }
            }
        }
    }

    private static int at(byte[] src, int base, int w, int h, int x, int y) {
        return x < 0 || y < 0 || x >= w || y >= h ? 0 : src[base + y * w + x] & 0xFF;
    }

    /** Mirror every row (left ↔ right). {@code src} and {@code dst} must differ. */
    static void flipHorizontal(byte[] src, byte[] dst, ImageShape s) {
        int w = s.width(), rows = s.channels() * s.height();
        for (int r = 0, start = 0; r < rows; r++, start += w) {
            for (int x = 0; x < w; x++) dst[start + x] = src[start + w - 1 - x];
        }
    }

    /** Inverse map of a rotation by {@code degrees} counter-clockwise (as seen on screen) about the centre. */
    static double[] rotation(double degrees, ImageShape s) {
        double t = Math.toRadians(degrees), cos = Math.cos(t), sin = Math.sin(t);
        double cx = (s.width() - 1) / 2.0, cy = (s.height() - 1) / 2.0;
        // source = centre + R(-θ)·(output − centre), with y pointing down
        return new double[] {cos, -sin, cx - cos * cx + sin * cy, sin, cos, cy - sin * cx - cos * cy};
    }

    /**
     * Inverse map of: shear along x by {@code shearDegrees}, scale by {@code scale}, both about the
     * centre, then translate by (tx, ty) pixels.
     */
    static double[] affine(double tx, double ty, double scale, double shearDegrees, ImageShape s) {
        double k = Math.tan(Math.toRadians(shearDegrees));
        double cx = (s.width() - 1) / 2.0, cy = (s.height() - 1) / 2.0;
        // forward: p' = c + t + scale·[[1, k], [0, 1]]·(p − c); inverse: p = c + [[1, −k], [0, 1]]·(p' − c − t) / scale
        double ox = cx + tx, oy = cy + ty;
        return new double[] {1 / scale, -k / scale, cx + (-ox + k * oy) / scale, 0, 1 / scale, cy - oy / scale};
    }
}
