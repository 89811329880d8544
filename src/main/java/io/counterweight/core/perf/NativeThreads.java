package io.counterweight.core.perf;

import java.net.URL;

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

    /** "CPU (nd4j-native-…-linux-x86_64-onednn.jar)" or "CUDA": the backend and, on CPU, which native build. */
    public static String backendDescription() {
        String backend = Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend", Nd4j.getBackend().getClass().getSimpleName());
        for (String ext : new String[] {"-onednn", "", "-onednn-avx512", "-onednn-avx2", "-avx512", "-avx2"}) {
            URL lib = NativeThreads.class.getClassLoader().getResource("org/nd4j/linalg/cpu/nativecpu/bindings/" + platform() + ext + "/libnd4jcpu.so");
            if (lib == null) continue;
            String path = lib.getPath();
            int bang = path.indexOf('!');
            return backend + " (" + (bang > 0 ? path.substring(path.lastIndexOf('/', bang) + 1, bang) : path) + ")";
        }
        return backend;
    }

    private static String platform() {
        return System.getProperty("org.bytedeco.javacpp.platform", "linux-x86_64");
    }
}
