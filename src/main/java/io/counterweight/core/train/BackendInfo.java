package io.counterweight.core.train;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Which ND4J backend and device the training runs on, and the library versions, for the progress
 * header and provenance.json. Computed once per JVM.
 *
 * @param backend e.g. "nd4j-native CPU (OPENBLAS)" or "nd4j-cuda CUDA"
 * @param device  e.g. "AMD EPYC (2 cores)" or a GPU's name
 */
public record BackendInfo(String backend, String device, String nd4jVersion, String dl4jVersion) {
    private static volatile BackendInfo current;

    public static BackendInfo current() {
        BackendInfo b = current;
        if (b == null) {
            b = detect();
            current = b;
        }
        return b;
    }

    private static BackendInfo detect() {
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        String kind = String.valueOf(env.getOrDefault("backend", "CPU"));
        boolean cuda = kind.toUpperCase().contains("CUDA");
        // On CPU the convolution engine matters more than the BLAS (docs/performance.md), so name both.
        String conv = io.counterweight.core.model.fast.ConvEngine.describe();
        String backend = cuda ? "nd4j-cuda CUDA" : "nd4j-native " + kind
                + " (" + (env.containsKey("blas.vendor") ? env.get("blas.vendor") + ", " : "") + "conv " + conv + ")";
        String device = cuda ? gpuNames(env) : cpuName() + " (" + Runtime.getRuntime().availableProcessors() + " cores)";
        return new BackendInfo(backend, device, version("org.nd4j", "nd4j-api"), version("org.deeplearning4j", "deeplearning4j-nn"));
    }

    private static String gpuNames(Properties env) {
        Object devices = env.get("cuda.devicesInformation");
        if (devices instanceof List<?> list && !list.isEmpty()) {
            StringBuilder names = new StringBuilder();
            for (Object d : list) {
                if (d instanceof Map<?, ?> m && m.get("cuda.deviceName") != null) {
                    if (names.length() > 0) names.append(", ");
                    names.append(m.get("cuda.deviceName"));
                }
            }
            if (names.length() > 0) return names.toString();
        }
        return "GPU (name unknown)";
    }

    private static String cpuName() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).trim();
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: fall back to the architecture
        }
        return "CPU " + System.getProperty("os.arch");
    }

    /** The version in the artifact's Maven metadata on the class path, or "unknown". */
    static String version(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Nd4j.class.getResourceAsStream(resource)) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
