package io.counterweight.app.augment;

import java.util.List;

/**
 * A rendered preview: {@code rows} real training images, each shown as drawn (column 0) and as
 * {@code columns - 1} independent passes through the augmentation pipeline. Pixels are packed ARGB;
 * each tile's caption names the transforms it got.
 */
public record PreviewGrid(int width, int height, int rows, int columns, List<int[]> tiles, List<String> rowLabels,
                          List<String> captions) {
    public int[] tile(int row, int column) {
        return tiles.get(row * columns + column);
    }
}
