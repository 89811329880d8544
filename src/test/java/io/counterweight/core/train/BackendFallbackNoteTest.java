package io.counterweight.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The note a CUDA build shows when it trains on the CPU, and its absence in the CPU build the tests run on. */
class BackendFallbackNoteTest {
    @Test
    void theCpuBuildHasNoCudaBackendAndNoNote() {
        assertFalse(BackendInfo.cudaBuild(), "the test class path is the CPU build");
        BackendInfo info = BackendInfo.current();
        assertEquals("", info.note());
        assertFalse(info.backend().contains("["), info.backend());
    }

    @Test
    void aMissingDriverIsNamed() {
        // What ND4J's CUDA backend throws here, on a machine without the NVIDIA driver (wrapped as ND4J does).
        Throwable t = new RuntimeException(new UnsatisfiedLinkError(
                "/root/.javacpp/cache/cuda-11.6-8.3-1.5.7-linux-x86_64.jar/org/bytedeco/cuda/linux-x86_64/libjnicudart.so:"
                        + " libcuda.so.1: cannot open shared object file: No such file or directory"));
        assertEquals("NVIDIA driver not found", BackendInfo.cudaFailureReason(t, null));
        assertEquals("CUDA build: no usable GPU (NVIDIA driver not found), fell back to CPU", BackendInfo.fallbackNote(t));
    }

    @Test
    void aMissingRuntimeOrDeviceIsNamed() {
        assertEquals("CUDA 11.6 runtime libraries not found", BackendInfo.cudaFailureReason(
                new UnsatisfiedLinkError("/tmp/libjnicudart.so: libcudart.so.11.0: cannot open shared object file"), true));
        assertEquals("no CUDA device found", BackendInfo.cudaFailureReason(
                new RuntimeException(new RuntimeException("No CUDA devices were found in system")), true));
    }

    @Test
    void aSecondLookAtAFailedCudaClassAsksWhetherTheDriverIsThere() {
        // ND4J tried first, so our look finds the class broken: which library was missing is no longer said.
        Throwable t = new NoClassDefFoundError("Could not initialize class org.bytedeco.cuda.global.cudart");
        t.initCause(new ExceptionInInitializerError("Exception java.lang.UnsatisfiedLinkError: no jnicudart in java.library.path"));
        assertEquals("NVIDIA driver not found", BackendInfo.cudaFailureReason(t, false));
        assertEquals("CUDA 11.6 runtime libraries not loadable", BackendInfo.cudaFailureReason(t, true));
        assertEquals("NVIDIA driver or CUDA 11.6 runtime not loadable", BackendInfo.cudaFailureReason(t, null));
    }

    @Test
    void anythingElseKeepsItsTypeAndFirstLineShort() {
        String reason = BackendInfo.cudaFailureReason(new IllegalStateException("driver too old\nsecond line " + "x".repeat(300)), true);
        assertEquals("IllegalStateException: driver too old", reason);
        String longOne = BackendInfo.cudaFailureReason(new IllegalStateException("y".repeat(300)), true);
        assertTrue(longOne.length() <= 120 && longOne.endsWith("..."), longOne);
        assertEquals("NullPointerException", BackendInfo.cudaFailureReason(new NullPointerException(), true));
    }

    @Test
    void theNoteTravelsWithTheBackendString() {
        assertEquals("nd4j-native CPU (OPENBLAS) [CUDA build: x]", BackendInfo.withNote("nd4j-native CPU (OPENBLAS)", "CUDA build: x"));
        assertEquals("nd4j-native CPU", BackendInfo.withNote("nd4j-native CPU", ""));
        assertEquals("GPU found, but ND4J did not choose it", BackendInfo.fallbackNote(null).replace("CUDA build: ", "").replace(", fell back to CPU", ""));
        BackendInfo old = new BackendInfo("b", "d", "1", "2");
        assertEquals("", old.note());
    }
}
