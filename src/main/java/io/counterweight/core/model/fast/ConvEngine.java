package io.counterweight.core.model.fast;

import java.util.Locale;

/**
 * Which code runs a {@link FastConvolution} on the CPU. AUTO picks ONEDNN when the nd4j-native build
 * has oneDNN, else JAVA_GEMM. A layer that skips the input gradient (the first one) runs HYBRID on a
 * oneDNN build: forward on oneDNN, weight gradient as Java im2col + one GEMM (unless "java" is asked
 * for). System property {@code counterweight.conv} (auto | onednn | java | dl4j) overrides it, for benchmarks and tests; non-CPU backends always use DL4J's own layer code.
 */
public enum ConvEngine {
    AUTO, ONEDNN, JAVA_GEMM, HYBRID, DL4J;

    public static final String PROPERTY = "counterweight.conv";

    public static ConvEngine configured() {
        String v = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "onednn" -> ONEDNN;
            case "java", "java_gemm" -> JAVA_GEMM;
            case "dl4j" -> DL4J;
            default -> AUTO;
        };
    }

    /**
     * What the convolutions of a network built now run on, e.g. "onednn, first layer hybrid + SIMD weight
     * gradient": the first layer (no input gradient) differs from the others (see {@link FastConvolution}).
     */
    public static String describe() {
        ConvEngine rest = configured().resolve();
        if (rest == DL4J) return "dl4j";
        ConvEngine first = configured() == JAVA_GEMM || !OneDnnConv.AVAILABLE ? JAVA_GEMM : HYBRID;
        String name = rest.name().toLowerCase(Locale.ROOT);
        return name + ", first layer " + first.name().toLowerCase(Locale.ROOT)
                + (DirectWeightGradient.enabled() ? " + SIMD weight gradient" : "");
    }

    /** The engine that will actually run on this machine. */
    public ConvEngine resolve() {
        if (this == AUTO) return OneDnnConv.AVAILABLE ? ONEDNN : JAVA_GEMM;
        if (this == ONEDNN && !OneDnnConv.AVAILABLE) return JAVA_GEMM;
        return this;
    }
}
