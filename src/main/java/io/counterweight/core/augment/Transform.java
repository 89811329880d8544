package io.counterweight.core.augment;

import java.util.EnumSet;
import java.util.Set;

/** The four transforms, in the order {@link Augmenter} applies them. */
public enum Transform {
    ROTATION, AFFINE, FLIP, JITTER;

    /** This transform's switch, probability and magnitude in {@code config}. */
    public TransformConfig config(AugmentConfig config) {
        return switch (this) {
            case ROTATION -> config.rotation();
            case AFFINE -> config.affine();
            case FLIP -> config.flip();
            case JITTER -> config.jitter();
        };
    }

    int bit() {
        return 1 << ordinal();
    }

    static Set<Transform> fromMask(int mask) {
        EnumSet<Transform> set = EnumSet.noneOf(Transform.class);
        for (Transform t : values()) if ((mask & t.bit()) != 0) set.add(t);
        return set;
    }
}
