package io.counterweight.core.experiment;

import io.counterweight.core.data.ImageConversions;
import io.counterweight.core.data.ImageShape;
import io.counterweight.core.data.ImageSplit;
import io.counterweight.core.train.GeneratedImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** A plain image folder (train/ and test/, one sub-folder per class) of generated 8×8 PNGs, loadable by path. */
final class ImageFolderFixture {
    static final ImageShape SHAPE = new ImageShape(3, 8, 8);

    private ImageFolderFixture() { }

    /** Long-tailed training split (20, 12, 8, 4 images), 5 test images a class, under {@code parent/shapes}. */
    static Path write(Path parent) throws IOException {
        Path root = parent.resolve("shapes");
        write(root.resolve("train"), GeneratedImages.split(SHAPE, new int[] {20, 12, 8, 4}, 21));
        write(root.resolve("test"), GeneratedImages.balanced(SHAPE, 5, 22));
        return root;
    }

    private static void write(Path dir, ImageSplit split) throws IOException {
        for (int i = 0; i < split.size(); i++) {
            Path classDir = Files.createDirectories(dir.resolve(GeneratedImages.NAMES.get(split.label(i))));
            ImageIO.write(ImageConversions.toBufferedImage(split.image(i), SHAPE), "png", classDir.resolve(i + ".png").toFile());
        }
    }
}
