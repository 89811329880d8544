package io.counterweight.app.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

class ViridisAndLayoutTest {
    @Test
    void endsAreViridisEnds() {
        assertEquals(Color.web("#440154"), Viridis.at(0));
        assertEquals(Color.web("#fde725"), Viridis.at(1));
        assertEquals(Viridis.at(0), Viridis.at(Double.NaN));
        assertEquals(Viridis.at(1), Viridis.at(7));
    }

    @Test
    void lightnessGrowsMonotonicallySoGreyPrintsStayOrdered() {
        double previous = -1;
        for (int i = 0; i <= 100; i++) {
            Color c = Viridis.at(i / 100.0);
            double luma = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
            assertTrue(luma >= previous - 1e-9, "luma drops at " + i);
            previous = luma;
        }
    }

    @Test
    void fiftyClassesFitAndLabelsAreThinnedNotOverlapping() {
        HeatmapLayout l = HeatmapLayout.fit(50, 560, 560, c -> "class" + c);
        assertTrue(l.cell() * 50 + l.left() <= 560 + 1e-9);
        assertTrue(l.cell() * l.labelStep() >= HeatmapLayout.MIN_LABEL_PX, "labels at least 11 px apart");
        assertTrue(l.labelStep() > 1);
        HeatmapLayout ten = HeatmapLayout.fit(10, 560, 560, c -> "c" + c);
        assertEquals(1, ten.labelStep(), "every label when there is room");
    }

    @Test
    void cellUnderPointer() {
        HeatmapLayout l = new HeatmapLayout(3, 100, 10, 20, 1, 12, c -> "c" + c);
        assertArrayEquals(new int[] {0, 0}, l.cellAt(100, 10));
        assertArrayEquals(new int[] {2, 1}, l.cellAt(125, 59.9));
        assertNull(l.cellAt(99, 20));
        assertNull(l.cellAt(161, 20));
        assertNull(l.cellAt(120, 71));
    }
}
