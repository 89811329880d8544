package io.counterweight.core.model.fast;

/**
 * Sizes of one NCHW convolution: batch n, input c×h×w, kernel kh×kw, stride, top/left padding, output
 * oh×ow. The im2col matrix is "transposed": K = c·kh·kw rows, n·oh·ow columns, row k = (c, ky, kx),
 * column = (image, oy, ox); so the forward product W[O×K]·col is [O × n·P] and every inner loop
 * below runs along a contiguous output row.
 */
public record ConvGeometry(int n, int c, int h, int w, int kh, int kw, int sy, int sx, int py, int px, int oh, int ow) {

    public int k() { return c * kh * kw; }

    public int p() { return oh * ow; }

    public int columns() { return n * oh * ow; }

    /** col[k][img·P + oy·ow + ox] = x[img][c][oy·sy−py+ky][ox·sx−px+kx], zero outside the image. */
    public void im2col(float[] x, float[] col) {
        float[] row = new float[columns()];
        for (int k = 0; k < k(); k++) {
            im2colRow(x, k, row);
            System.arraycopy(row, 0, col, k * columns(), row.length);
        }
    }

    /**
     * Row k = (c, ky, kx) of the im2col matrix: row[img·P + oy·ow + ox] = x[img][c][oy·sy−py+ky][ox·sx−px+kx].
     * One row at a time, so the row (n·P floats) can stay in cache on its way to native memory.
     */
    public void im2colRow(float[] x, int k, float[] row) {
        int plane = h * w, img = c * plane, p = p();
        int ci = k / (kh * kw), ky = (k / kw) % kh, kx = k % kw;
        // columns ox in [lo, hi) read inside the image row when the stride is 1; the rest are padding
        int lo = Math.min(ow, Math.max(0, px - kx)), hi = Math.max(lo, Math.min(ow, w + px - kx));
        for (int i = 0; i < n; i++) {
            int src = i * img + ci * plane;
            for (int oy = 0; oy < oh; oy++) {
                int iy = oy * sy - py + ky;
                int dst = i * p + oy * ow;
                if (iy < 0 || iy >= h) {
                    java.util.Arrays.fill(row, dst, dst + ow, 0f);
                    continue;
                }
                int srcRow = src + iy * w;
                if (sx == 1) {
                    if (lo > 0) java.util.Arrays.fill(row, dst, dst + lo, 0f);
                    if (hi > lo) System.arraycopy(x, srcRow + lo - px + kx, row, dst + lo, hi - lo);
                    if (hi < ow) java.util.Arrays.fill(row, dst + hi, dst + ow, 0f);
                } else {
                    for (int ox = 0; ox < ow; ox++) {
                        int ix = ox * sx - px + kx;
                        row[dst + ox] = ix >= 0 && ix < w ? x[srcRow + ix] : 0f;
                    }
                }
            }
        }
    }

    /** The adjoint of {@link #im2col}: dx[…] = sum of the col entries that were copied from it. */
    public void col2im(float[] col, float[] dx) {
        java.util.Arrays.fill(dx, 0, n * c * h * w, 0f);
        int cols = columns(), plane = h * w, img = c * plane, p = p();
        for (int ci = 0; ci < c; ci++) {
            for (int ky = 0; ky < kh; ky++) {
                for (int kx = 0; kx < kw; kx++) {
                    int rowBase = ((ci * kh + ky) * kw + kx) * cols;
                    int lo = sx == 1 ? Math.max(0, px - kx) : 0;
                    int hi = sx == 1 ? Math.min(ow, w + px - kx) : ow;
                    for (int i = 0; i < n; i++) {
                        int dstImg = i * img + ci * plane;
                        int srcImg = rowBase + i * p;
                        for (int oy = 0; oy < oh; oy++) {
                            int iy = oy * sy - py + ky;
                            if (iy < 0 || iy >= h) continue;
                            int src = srcImg + oy * ow;
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
}
