package io.counterweight.core.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.counterweight.core.data.ImageShape;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AugmentPreviewTest {
    private static final ImageShape S = new ImageShape(3, 12, 12);

    @Test
    void deterministicPerSeedAndStableWhenTheGridGrows() {
        byte[][] sources = {AugmenterTest.randomImage(S, 1), AugmenterTest.randomImage(S, 2)};
        byte[][] copies = {sources[0].clone(), sources[1].clone()};
        AugmentConfig cfg = AugmentConfig.all(0.5);
        byte[][] a = AugmentPreview.preview(sources, S, cfg, 77, 4);
        assertEquals(8, a.length);
        assertArrayEquals(a, AugmentPreview.preview(sources, S, cfg, 77, 4));
        assertArrayEquals(copies, sources);

        byte[][] more = AugmentPreview.preview(sources, S, cfg, 77, 6);
        for (int i = 0; i < 2; i++) {
            for (int v = 0; v < 4; v++) assertArrayEquals(a[i * 4 + v], more[i * 6 + v], "image " + i + " variant " + v);
        }
        byte[][] firstOnly = AugmentPreview.preview(new byte[][] {sources[0]}, S, cfg, 77, 4);
        assertArrayEquals(Arrays.copyOf(a, 4), firstOnly);
    }

    @Test
    void reRollChangesTheVariantsAndCaptionsMatchTheImages() {
        byte[][] sources = {AugmenterTest.randomImage(S, 3)};
        AugmentConfig cfg = AugmentConfig.all(1.0);
        assertFalse(Arrays.deepEquals(AugmentPreview.preview(sources, S, cfg, 1, 3), AugmentPreview.preview(sources, S, cfg, 2, 3)));
        var tracked = AugmentPreview.previewTracked(sources, S, cfg, 1, 3);
        byte[][] plain = AugmentPreview.preview(sources, S, cfg, 1, 3);
        for (int v = 0; v < 3; v++) {
            assertEquals("rotation + affine + flip + jitter", tracked.get(v).describe());
            assertArrayEquals(plain[v], tracked.get(v).image());
        }
    }
}
