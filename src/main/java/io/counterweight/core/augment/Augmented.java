package io.counterweight.core.augment;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * An augmented image (a new CHW uint8 array) and which transforms were applied to it. Equality is by
 * array identity, as for any record holding an array.
 */
public record Augmented(byte[] image, int appliedMask) {

    public boolean has(Transform t) {
        return (appliedMask & t.bit()) != 0;
    }

    public Set<Transform> applied() {
        return Transform.fromMask(appliedMask);
    }

    /** e.g. "rotation + flip", or "unchanged": a caption for the preview grid. */
    public String describe() {
        if (appliedMask == 0) return "unchanged";
        return applied().stream().map(t -> t.name().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(" + "));
    }
}
