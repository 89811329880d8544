package io.counterweight.core.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Converts between our uint8 CHW pixels and {@link BufferedImage}s (decoded files, previews, PNG fixtures).
 * Gray images are read from and written to the raster directly: {@code getRGB} on a gray colour space
 * applies a linear-to-sRGB curve and would change the pixel values.
 */
public final class ImageConversions {
    private ImageConversions() { }

    /** Opaque ARGB pixels, row-major, for previews (gray: r = g = b). */
    public static int[] toArgb(byte[] chw, ImageShape shape) {
        int plane = shape.height() * shape.width();
        int[] argb = new int[plane];
        int g = shape.channels() == 3 ? plane : 0;
        int b = shape.channels() == 3 ? 2 * plane : 0;
        for (int i = 0; i < plane; i++) {
            argb[i] = 0xFF000000 | (chw[i] & 0xFF) << 16 | (chw[g + i] & 0xFF) << 8 | (chw[b + i] & 0xFF);
        }
        return argb;
    }

    /** An image holding exactly these pixels: TYPE_BYTE_GRAY for one channel, TYPE_INT_RGB for three. */
    public static BufferedImage toBufferedImage(byte[] chw, ImageShape shape) {
        int w = shape.width();
        int h = shape.height();
        if (shape.channels() == 1) {
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            WritableRaster raster = img.getRaster();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) raster.setSample(x, y, 0, chw[y * w + x] & 0xFF);
            }
            return img;
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, toArgb(chw, shape), 0, w);
        return img;
    }

    /** The image as CHW bytes of {@code target}: resized (see {@link #convert}), converted to 1 or 3 channels. */
    public static byte[] fromImage(BufferedImage image, ImageShape target) {
        ImageShape nativeShape = new ImageShape(grayRaster(image) ? 1 : 3, image.getHeight(), image.getWidth());
        return convert(planes(image), nativeShape, target);
    }

    /** True when the image has a gray colour space or every pixel has r = g = b. */
    public static boolean isGray(BufferedImage image) {
        if (grayRaster(image)) return true;
        int w = image.getWidth();
        int[] row = new int[w];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int p : row) {
                int r = p >> 16 & 0xFF;
                if (r != (p >> 8 & 0xFF) || r != (p & 0xFF)) return false;
            }
        }
        return true;
    }

    /** Resizes (bilinear up, area-averaged down) and converts channels (gray → copied to r, g, b; colour → luma 0.299/0.587/0.114). */
    public static byte[] convert(byte[] chw, ImageShape from, ImageShape to) {
        byte[] sized = from.height() == to.height() && from.width() == to.width() ? chw : resize(chw, from, to);
        int plane = to.height() * to.width();
        if (from.channels() == to.channels()) return sized == chw ? chw.clone() : sized;
        byte[] out = new byte[to.size()];
        if (to.channels() == 3) {
            for (int c = 0; c < 3; c++) System.arraycopy(sized, 0, out, c * plane, plane);
        } else {
            for (int i = 0; i < plane; i++) {
                double luma = 0.299 * (sized[i] & 0xFF) + 0.587 * (sized[plane + i] & 0xFF) + 0.114 * (sized[2 * plane + i] & 0xFF);
                out[i] = (byte) Math.round(luma);
            }
        }
        return out;
    }

    /**
     * Resizes each plane, separably per axis: bilinear with aligned pixel centres where the axis grows,
     * area averaging where it shrinks (plain bilinear would skip most pixels of a large photo and alias).
     * Done here rather than by Java2D so that gray images keep their values and results match everywhere.
     */
    static byte[] resize(byte[] chw, ImageShape from, ImageShape to) {
        int sw = from.width(), sh = from.height(), dw = to.width(), dh = to.height();
        Taps tx = Taps.of(sw, dw);
        Taps ty = Taps.of(sh, dh);
        byte[] out = new byte[from.channels() * dh * dw];
        double[] rows = new double[sh * dw];
        for (int c = 0; c < from.channels(); c++) {
            int src = c * sh * sw, dst = c * dh * dw;
            for (int y = 0; y < sh; y++) {
                for (int x = 0; x < dw; x++) {
                    double v = 0;
                    for (int k = 0; k < tx.weights[x].length; k++) v += tx.weights[x][k] * (chw[src + y * sw + tx.start[x] + k] & 0xFF);
                    rows[y * dw + x] = v;
                }
            }
            for (int y = 0; y < dh; y++) {
                for (int x = 0; x < dw; x++) {
                    double v = 0;
                    for (int k = 0; k < ty.weights[y].length; k++) v += ty.weights[y][k] * rows[(ty.start[y] + k) * dw + x];
                    out[dst + y * dw + x] = (byte) Math.round(Math.max(0, Math.min(255, v)));
                }
            }
        }
        return out;
    }

    /** For each output index along one axis: the first source index and the weights from there on. */
    private record Taps(int[] start, double[][] weights) {
        static Taps of(int src, int dst) {
            int[] start = new int[dst];
            double[][] weights = new double[dst][];
            double scale = (double) src / dst;
            for (int x = 0; x < dst; x++) {
                if (dst >= src) {
                    double f = Math.min(Math.max((x + 0.5) * scale - 0.5, 0), src - 1);
                    start[x] = (int) f;
                    double w = f - start[x];
                    weights[x] = start[x] + 1 < src ? new double[] {1 - w, w} : new double[] {1};
                } else {
                    double lo = x * scale, hi = Math.min(src, (x + 1) * scale);
                    start[x] = (int) Math.floor(lo);
                    int end = (int) Math.ceil(hi - 1e-9);
                    weights[x] = new double[end - start[x]];
                    for (int k = 0; k < weights[x].length; k++) {
                        double overlap = Math.min(hi, start[x] + k + 1) - Math.max(lo, start[x] + k);
                        weights[x][k] = overlap / scale;
                    }
                }
            }
            return new Taps(start, weights);
        }
    }

    /** A single-band (plus optional alpha) gray raster, not a palette image. */
    private static boolean grayRaster(BufferedImage image) {
        return !(image.getColorModel() instanceof IndexColorModel)
                && image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    }

    /** Native-size planes: one from a gray raster (scaled to 8 bits), else r, g, b via getRGB. */
    private static byte[] planes(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight(), plane = w * h;
        if (grayRaster(image)) {
            Raster raster = image.getRaster();
            int max = (1 << image.getColorModel().getComponentSize(0)) - 1;
            byte[] out = new byte[plane];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int s = raster.getSample(x, y, 0);
                    out[y * w + x] = (byte) (max == 255 ? s : Math.round(s * 255.0 / max));
                }
            }
            return out;
        }
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[] out = new byte[3 * plane];
        for (int i = 0; i < plane; i++) {
            out[i] = (byte) (argb[i] >> 16);
            out[plane + i] = (byte) (argb[i] >> 8);
            out[2 * plane + i] = (byte) argb[i];
        }
        return out;
    }
}
