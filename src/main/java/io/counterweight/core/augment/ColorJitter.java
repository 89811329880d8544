package io.counterweight.core.augment;

import io.counterweight.core.data.ImageShape;

/**
 * torchvision's ColorJitter on uint8 CHW pixels, in a fixed order: brightness, contrast, saturation,
 * hue, clamping to 0..255 after each step and rounding once at the end. Saturation and hue need colour
 * and are skipped for one channel; on a grey pixel (r = g = b) they are exact no-ops.
 */
final class ColorJitter {
    // ITU-R 601 luma, written as r + 0.587·(g − r) + 0.114·(b − r) so that grey stays exactly grey.
    private static final double G = 0.587, B = 0.114;

    // one working array per thread: a fresh 24 KB array per CIFAR image was most of the pipeline's garbage
    private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[0]);

    private ColorJitter() { }

    /** @param hue shift in turns (1 = full circle); the three factors are 1 for "unchanged" */
    static void apply(byte[] src, byte[] dst, ImageShape s, double brightness, double contrast, double saturation, double hue) {
        int plane = s.width() * s.height(), n = s.size();
        boolean colour = s.channels() == 3;
        double[] v = SCRATCH.get();
        if (v.length < n) {
            v = new double[n];
            SCRATCH.set(v);
        }
        for (int i = 0; i < n; i++) v[i] = clamp(brightness * (src[i] & 0xFF));
        if (contrast != 1) {
            double sum = 0;
            if (colour) for (int p = 0; p < plane; p++) sum += luma(v[p], v[p + plane], v[p + 2 * plane]);
            else for (int p = 0; p < plane; p++) sum += v[p];
            double mean = sum / plane;
            for (int i = 0; i < n; i++) v[i] = clamp(mean + contrast * (v[i] - mean));
        }
        if (colour && saturation != 1) {
            for (int p = 0; p < plane; p++) {
                double gray = luma(v[p], v[p + plane], v[p + 2 * plane]);
                for (int i = p; i < n; i += plane) v[i] = clamp(gray + saturation * (v[i] - gray));
            }
        }
        if (colour && hue != 0) {
            for (int p = 0; p < plane; p++) shiftHue(v, p, plane, hue);
        }
        for (int i = 0; i < n; i++) dst[i] = (byte) (int) (v[i] + 0.5);
    }

    private static double luma(double r, double g, double b) {
        return r + G * (g - r) + B * (b - r);
    }

    private static double clamp(double x) {
        return Math.min(255, Math.max(0, x)); // branch-free: on noisy pixels the branches mispredicted
    }

    /** RGB → HSV, h += shift (mod 1), → RGB, for the pixel at {@code p}; grey pixels are left alone. */
    private static void shiftHue(double[] v, int p, int plane, double shift) {
        double r = v[p], g = v[p + plane], b = v[p + 2 * plane];
        double max = Math.max(r, Math.max(g, b)), min = Math.min(r, Math.min(g, b)), chroma = max - min;
        if (chroma == 0) return;
        double h;
        if (max == r) h = (g - b) / chroma;
        else if (max == g) h = (b - r) / chroma + 2;
        else h = (r - g) / chroma + 4;
        h = h * (1.0 / 6) + shift;
        h -= Math.floor(h);
        if (h >= 1) h = 0; // h just below 0 rounds up to 1 after the floor
        double h6 = h * 6;
        int sector = (int) h6;
        double f = h6 - sector;
        // HSV → RGB with S = chroma / max and V = max, without the divisions: V·(1 − S) = min,
        // V·(1 − S·f) = max − chroma·f, V·(1 − S·(1 − f)) = min + chroma·f (the pixel's hue alone changes)
        double pp = min, q = max - chroma * f, t = min + chroma * f;
        switch (sector) {
            case 0 -> set(v, p, plane, max, t, pp);
            case 1 -> set(v, p, plane, q, max, pp);
            case 2 -> set(v, p, plane, pp, max, t);
            case 3 -> set(v, p, plane, pp, q, max);
            case 4 -> set(v, p, plane, t, pp, max);
            default -> set(v, p, plane, max, pp, q);
        }
    }

    private static void set(double[] v, int p, int plane, double r, double g, double b) {
        v[p] = r;
        v[p + plane] = g;
        v[p + 2 * plane] = b;
    }
}
