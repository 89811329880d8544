package io.counterweight.app.drill;

import io.counterweight.core.metrics.Predictions;
import java.util.ArrayList;
import java.util.List;

/** The images of one confusion cell, most confident first: exactly the rows that counted in that cell. */
public final class CellSelection {
    private CellSelection() { }

    public static List<CellImage> of(Predictions p, int truth, int predicted) {
        int[] indices = p.cell(truth, predicted);
        List<CellImage> images = new ArrayList<>(indices.length);
        for (int i : indices) images.add(new CellImage(i, truth, predicted, p.probability()[i]));
        return images;
    }
}
