package io.counterweight.bench;

import java.net.URL;

import org.nd4j.linalg.factory.Nd4j;

/** Which native ND4J build the benchmark ran on, for its backend line. */
public final class NativeBuild {
    private NativeBuild() {}

    /** "CPU (nd4j-native-…-linux-x86_64-onednn.jar)" or "CUDA": the backend and, on CPU, which native build. */
    public static String backendDescription() {
        String backend = Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend", Nd4j.getBackend().getClass().getSimpleName());
        for (String ext : new String[] {"-onednn", "", "-onednn-avx512", "-onednn-avx2", "-avx512", "-avx2"}) {
            URL lib = NativeBuild.class.getClassLoader().getResource("org/nd4j/linalg/cpu/nativecpu/bindings/" + platform() + ext + "/" + libraryFile());
            if (lib == null) continue;
            String path = lib.getPath();
            int bang = path.indexOf('!');
            return backend + " (" + (bang > 0 ? path.substring(path.lastIndexOf('/', bang) + 1, bang) : path) + ")";
        }
        return backend;
    }

    /** The platform the natives were loaded for, as JavaCPP names it (e.g. macosx-arm64). */
    private static String platform() {
        return System.getProperty("org.bytedeco.javacpp.platform", org.bytedeco.javacpp.Loader.getPlatform());
    }

    /** libnd4jcpu's file name on this platform. */
    private static String libraryFile() {
        String p = platform();
        if (p.startsWith("windows")) return "libnd4jcpu.dll";
        return p.startsWith("macosx") ? "libnd4jcpu.dylib" : "libnd4jcpu.so";
    }
}
