package io.counterweight.core.train;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.Nd4jBlas;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Thread settings of the native backend, all three of them: libnd4j's own pool, OpenMP, OpenBLAS.
 * Setting only one leaves the others at "all cores", which on a 2-core machine shared with other work
 * shows up as spinning OpenMP threads (system time). Env vars OMP_NUM_THREADS/OPENBLAS_NUM_THREADS set
 * before the JVM starts are the most reliable; this is the in-process best effort.
 */
public final class NativeThreads {
    private NativeThreads() {}

    public static void apply(int threads) {
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        if (Nd4j.factory().blas() instanceof Nd4jBlas blas) blas.setMaxThreads(threads);
    }

    /** libnd4j's current maximum of native threads (for provenance: it changes float summation order). */
    public static int current() {
        return Nd4j.getEnvironment().maxThreads();
    }
}
