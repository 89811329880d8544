package io.counterweight.core.train;

import io.counterweight.core.data.ImageShape;
import io.counterweight.core.data.ImageSplit;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Test fixture: four classes of coloured patterns built in CHW uint8 layout. Class 0 red horizontal
 * stripes, 1 green vertical stripes, 2 blue checkerboard, 3 yellow centre square, each with a random
 * phase, brightness and per-pixel noise, so the classes are learnable but not pixel-identical.
 */
public final class GeneratedImages {
    public static final List<String> NAMES = List.of("red-stripes", "green-bars", "blue-checks", "yellow-square");
    private static final int[][] COLOURS = {{220, 40, 40}, {40, 200, 60}, {50, 70, 230}, {230, 220, 40}};

    private GeneratedImages() { }

    /** {@code perClass[c]} images of class c, shuffled by nothing: class blocks in order. */
    public static ImageSplit split(ImageShape shape, int[] perClass, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int total = 0;
        for (int n : perClass) total += n;
        byte[][] images = new byte[total][];
        int[] labels = new int[total];
        int i = 0;
        for (int c = 0; c < perClass.length; c++) {
            for (int j = 0; j < perClass[c]; j++, i++) {
                images[i] = image(shape, c, rng);
                labels[i] = c;
            }
        }
        return new ImageSplit(shape, images, labels);
    }

    public static ImageSplit balanced(ImageShape shape, int perClass, long seed) {
        return split(shape, new int[] {perClass, perClass, perClass, perClass}, seed);
    }

    static byte[] image(ImageShape s, int c, SplittableRandom rng) {
        int h = s.height(), w = s.width(), plane = h * w;
        byte[] px = new byte[s.size()];
        int phase = rng.nextInt(4);
        double bright = 0.7 + 0.3 * rng.nextDouble();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean on = switch (c % 4) {
                    case 0 -> ((y + phase) / 2) % 2 == 0;
                    case 1 -> ((x + phase) / 2) % 2 == 0;
                    case 2 -> (((x + phase) / 2) + ((y + phase) / 2)) % 2 == 0;
                    default -> Math.abs(x - w / 2) < w / 4 && Math.abs(y - h / 2) < h / 4;
                };
                for (int ch = 0; ch < s.channels(); ch++) {
                    int colour = s.channels() == 1 ? (COLOURS[c % 4][0] + COLOURS[c % 4][1]) / 2 : COLOURS[c % 4][ch];
                    double v = (on ? colour * bright : 30) + rng.nextInt(-25, 26);
                    px[ch * plane + y * w + x] = (byte) Math.max(0, Math.min(255, (int) v));
                }
            }
        }
        return px;
    }
}
