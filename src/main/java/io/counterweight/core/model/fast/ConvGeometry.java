package io.counterweight.core.model.fast;

import java.util.Arrays;

/**
 * Sizes of one NCHW convolution: batch n, input c×h×w, kernel kh×kw, stride, top/left padding, output
 * oh×ow. The im2col matrix of one image is K = c·kh·kw rows by P = oh·ow columns, row k = (c, ky, kx),
 * column = (oy, ox); so the forward product W[O×K]·col is [O × P], which is exactly that image's slice
 * of the NCHW output, and every inner loop below runs along a contiguous output row.
 */
public record ConvGeometry(int n, int c, int h, int w, int kh, int kw, int sy, int sx, int py, int px, int oh, int ow) {

    public int k() { return c * kh * kw; }

    public int p() { return oh * ow; }

    /** Elements of one input image (c·h·w). */
    public int imageSize() { return c * h * w; }

    /** col[k·P + oy·ow + ox] = x[image][c][oy·sy−py+ky][ox·sx−px+kx], zero outside the image. */
    public void im2col(float[] x, int image, float[] col) {
        int plane = h * w, p = p();
        for (int ci = 0; ci < c; ci++) {
            int src = image * imageSize() + ci * plane;
            for (int ky = 0; ky < kh; ky++) {
                for (int kx = 0; kx < kw; kx++) {
                    int rowBase = ((ci * kh + ky) * kw + kx) * p;
                    // columns ox in [lo, hi) read inside the image row; the rest are padding
                    int lo = sx == 1 ? Math.min(ow, Math.max(0, px - kx)) : 0;
                    int hi = sx == 1 ? Math.max(lo, Math.min(ow, w + px - kx)) : ow;
                    for (int oy = 0; oy < oh; oy++) {
                        int iy = oy * sy - py + ky;
                        int dst = rowBase + oy * ow;
                        if (iy < 0 || iy >= h) {
                            Arrays.fill(col, dst, dst + ow, 0f);
                            continue;
                        }
                        int srcRow = src + iy * w;
                        if (sx == 1) {
                            if (lo > 0) Arrays.fill(col, dst, dst + lo, 0f);
                            if (hi > lo) System.arraycopy(x, srcRow + lo - px + kx, col, dst + lo, hi - lo);
                            if (hi < ow) Arrays.fill(col, dst + hi, dst + ow, 0f);
                        } else {
                            for (int ox = 0; ox < ow; ox++) {
                                int ix = ox * sx - px + kx;
                                col[dst + ox] = ix >= 0 && ix < w ? x[srcRow + ix] : 0f;
                            }
                        }
                    }
                }
            }
        }
    }

    /** The adjoint of {@link #im2col} for one image: dx[image] = sum of the col entries copied from each pixel. */
    public void col2im(float[] col, int image, float[] dx) {
        int plane = h * w, p = p();
        Arrays.fill(dx, image * imageSize(), (image + 1) * imageSize(), 0f);
        for (int ci = 0; ci < c; ci++) {
            int dstImg = image * imageSize() + ci * plane;
            for (int ky = 0; ky < kh; ky++) {
                for (int kx = 0; kx < kw; kx++) {
                    int rowBase = ((ci * kh + ky) * kw + kx) * p;
                    int lo = sx == 1 ? Math.max(0, px - kx) : 0;
                    int hi = sx == 1 ? Math.min(ow, w + px - kx) : ow;
                    for (int oy = 0; oy < oh; oy++) {
                        int iy = oy * sy - py + ky;
                        if (iy < 0 || iy >= h) continue;
                        int src = rowBase + oy * ow;
                        int dstRow = dstImg + iy * w;
                        if (sx == 1) {
                            int off = dstRow - px + kx;
                            for (int ox = lo; ox < hi; ox++) dx[off + ox] += col[src + ox];
                        } else {
                            for (int ox = 0; ox < ow; ox++) {
                                int ix = ox * sx - px + kx;
                                if (ix >= 0 && ix < w) dx[dstRow + ix] += col[src + ox];
                            }
                        }
                    }
                }
            }
        }
    }
}
