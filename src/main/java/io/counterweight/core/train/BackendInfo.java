package io.counterweight.core.train;

import io.counterweight.core.model.fast.ConvEngine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.factory.Nd4jBackend;

/**
 * Which ND4J backend and device the training actually runs on, and the library versions, for the progress
 * header, the status bar and provenance.json. Computed once per JVM.
 *
 * <p>A CUDA build ({@code mvn -Pcuda}) carries the CPU backend too. ND4J tries the backends by priority
 * (env {@code BACKEND_PRIORITY_GPU}, default 100, before {@code BACKEND_PRIORITY_CPU}, default 0) and takes
 * the first whose {@code isAvailable()} holds; CUDA's asks the CUDA runtime for a device. Without a usable
 * GPU it falls back to the CPU, and then {@link #note()} says so and why, and {@link #backend()} carries the
 * note in brackets, so every place that shows the backend shows the fallback.
 *
 * @param backend e.g. "nd4j-native CPU (OPENBLAS, conv onednn, ...)" or "nd4j-cuda CUDA", plus the note
 * @param device  e.g. "AMD EPYC (2 cores)" or a GPU's name
 * @param note    empty, or e.g. "CUDA build: no usable GPU (NVIDIA driver not found), fell back to CPU"
 */
public record BackendInfo(String backend, String device, String nd4jVersion, String dl4jVersion, String note) {
    /** ND4J's CUDA backend; on the class path only in a CUDA build. */
    static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";

    /** Set by bin/counterweight when it found no NVIDIA driver: the reason, for the note. */
    static final String LAUNCHER_REASON_PROPERTY = "counterweight.cuda.unusable";

    private static volatile BackendInfo current;

    /** Without a note (the backend runs as built). */
    public BackendInfo(String backend, String device, String nd4jVersion, String dl4jVersion) {
        this(backend, device, nd4jVersion, dl4jVersion, "");
    }

    public BackendInfo {
        note = note == null ? "" : note;
    }

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
        boolean cuda = kind.toUpperCase(Locale.ROOT).contains("CUDA")
                || Nd4j.getBackend().getClass().getName().equals(CUDA_BACKEND_CLASS);
        // On CPU the convolution engine matters more than the BLAS (docs/performance.md), so name both.
        String conv = ConvEngine.describe();
        String backend = cuda ? "nd4j-cuda CUDA" : "nd4j-native " + kind
                + " (" + (env.containsKey("blas.vendor") ? env.get("blas.vendor") + ", " : "") + "conv " + conv + ")";
        String device = cuda ? gpuNames(env) : cpuName() + " (" + Runtime.getRuntime().availableProcessors() + " cores)";
        String note = !cuda && cudaBuild() ? cpuFallbackNote() : "";
        return new BackendInfo(withNote(backend, note), device, version("org.nd4j", "nd4j-api"),
                version("org.deeplearning4j", "deeplearning4j-nn"), note);
    }

    /** True when ND4J's CUDA backend is on the class path (a {@code -Pcuda} build). */
    static boolean cudaBuild() {
        try {
            Class.forName(CUDA_BACKEND_CLASS, false, BackendInfo.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** "backend [note]", or the backend alone when there is no note. */
    static String withNote(String backend, String note) {
        return note == null || note.isEmpty() ? backend : backend + " [" + note + "]";
    }

    /** Why a CUDA build runs on the CPU: the backend priorities, or what the CUDA backend's own check says. */
    private static String cpuFallbackNote() {
        // bin/counterweight found no NVIDIA driver and let ND4J start on the CPU (BACKEND_PRIORITY_CPU) to spare
        // the stack trace of a failing CUDA attempt; it says why here.
        String launcherReason = System.getProperty(LAUNCHER_REASON_PROPERTY, "").trim();
        if (!launcherReason.isEmpty()) return "CUDA build: no usable GPU (" + launcherReason + "), fell back to CPU";
        if (Nd4jBackend.BACKEND_PRIORITY_CPU >= Nd4jBackend.BACKEND_PRIORITY_GPU) {
            return "CUDA build: CPU chosen by BACKEND_PRIORITY_CPU=" + Nd4jBackend.BACKEND_PRIORITY_CPU
                    + " >= BACKEND_PRIORITY_GPU=" + Nd4jBackend.BACKEND_PRIORITY_GPU;
        }
        Throwable failure;
        try {
            // The same check ND4J made (canRun: the CUDA runtime's device count, then cuBLAS), without its stack trace.
            Object backend = Class.forName(CUDA_BACKEND_CLASS).getDeclaredConstructor().newInstance();
            failure = ((Nd4jBackend) backend).canRun() ? null : new IllegalStateException("the CUDA backend says it cannot run");
        } catch (Throwable t) {
            failure = t;
        }
        return fallbackNote(failure);
    }

    /** The note for a CUDA build on the CPU, given what the CUDA backend's check threw (null: it passed). */
    static String fallbackNote(Throwable failure) {
        String reason = failure == null ? "GPU found, but ND4J did not choose it"
                : "no usable GPU (" + cudaFailureReason(failure, nvidiaDriverPresent()) + ")";
        return "CUDA build: " + reason + ", fell back to CPU";
    }

    /**
     * A short reason from the CUDA backend's failure: missing driver, missing runtime, no device, or its message.
     * ND4J's own attempt comes first and names the missing library; ours then often gets only "Could not
     * initialize class ...cudart" / "no jnicudart", so {@code driverPresent} (null: unknown) tells the two apart.
     */
    static String cudaFailureReason(Throwable failure, Boolean driverPresent) {
        StringBuilder chain = new StringBuilder();
        Throwable root = failure;
        for (Throwable t = failure; t != null && chain.length() < 10_000; t = t.getCause() == t ? null : t.getCause()) {
            chain.append(t.getMessage()).append('\n');
            root = t;
        }
        String all = chain.toString().toLowerCase(Locale.ROOT);
        if (all.contains("libcuda.so") || all.contains("nvcuda")) return "NVIDIA driver not found";
        if (all.contains("no cuda devices")) return "no CUDA device found";
        if (all.contains("libcudart") || all.contains("cudart64") || all.contains("libcublas") || all.contains("cublas64")
                || all.contains("libcudnn") || all.contains("cudnn64")) {
            return "CUDA 11.6 runtime libraries not found";
        }
        if (all.contains("org.bytedeco.cuda") || all.contains("jnicudart")) {
            if (Boolean.FALSE.equals(driverPresent)) return "NVIDIA driver not found";
            if (Boolean.TRUE.equals(driverPresent)) return "CUDA 11.6 runtime libraries not loadable";
            return "NVIDIA driver or CUDA 11.6 runtime not loadable";
        }
        String message = String.valueOf(root.getMessage());
        String firstLine = message.lines().findFirst().orElse("").trim();
        String text = root.getClass().getSimpleName() + (firstLine.isEmpty() || "null".equals(firstLine) ? "" : ": " + firstLine);
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }

    /** Whether the NVIDIA driver library is installed: Linux's loader cache, Windows' System32; null elsewhere. */
    private static Boolean nvidiaDriverPresent() {
        try {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            if (os.contains("windows")) {
                return Files.exists(Path.of(System.getenv().getOrDefault("SystemRoot", "C:\\Windows"), "System32", "nvcuda.dll"));
            }
            if (os.contains("linux")) {
                Path cache = Path.of("/etc/ld.so.cache");
                if (Files.isReadable(cache)
                        && new String(Files.readAllBytes(cache), StandardCharsets.ISO_8859_1).contains("libcuda.so.1")) {
                    return true;
                }
                String paths = System.getenv().getOrDefault("LD_LIBRARY_PATH", "");
                for (String dir : paths.split(":")) {
                    if (!dir.isBlank() && Files.exists(Path.of(dir, "libcuda.so.1"))) return true;
                }
                return false;
            }
        } catch (IOException | RuntimeException e) {
            // unknown
        }
        return null;
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
            // not Linux, or not readable: try Windows' variable, then fall back to the architecture
        }
        String windows = System.getenv("PROCESSOR_IDENTIFIER");
        if (windows != null && !windows.isBlank()) return windows.trim();
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
