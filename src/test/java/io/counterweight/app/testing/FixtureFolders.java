package io.counterweight.app.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/** Writes a plain image folder ({@code train/<class>/*.png}, {@code test/<class>/*.png}) as a user would have it. */
public final class FixtureFolders {
    private FixtureFolders() { }

    /** Classes c-head, c-mid, c-rare (in that sorted order) with the given train counts. */
    public static Path imageFolder(Path root, int[] trainCounts, int testPerClass, int side) throws IOException {
        String[] names = {"c-head", "c-mid", "c-rare"};
        SplittableRandom rng = new SplittableRandom(5);
        for (int c = 0; c < trainCounts.length; c++) {
            write(root.resolve("train").resolve(names[c]), c, trainCounts[c], side, rng);
            write(root.resolve("test").resolve(names[c]), c, testPerClass, side, rng);
        }
        return root;
    }

    private static void write(Path dir, int c, int n, int side, SplittableRandom rng) throws IOException {
        Files.createDirectories(dir);
        Color[] colours = {new Color(200, 60, 40), new Color(40, 160, 70), new Color(50, 80, 210)};
        for (int i = 0; i < n; i++) {
            BufferedImage im = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = im.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, side, side);
            g.setColor(colours[c]);
            int off = rng.nextInt(3);
            if (c == 0) g.fillRect(off, off, side / 2, side - 2 * off);
            else if (c == 1) g.fillOval(off, off, side - 2 * off, side - 2 * off);
            else g.fillRect(off, side / 3, side - off, side / 3);
            g.dispose();
            ImageIO.write(im, "png", dir.resolve(c + "_" + i + ".png").toFile());
        }
    }
}
