package io.counterweight.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BackendInfoTest {
    @Test
    void namesTheCpuBackendDeviceAndVersions() {
        BackendInfo info = BackendInfo.current();
        assertTrue(info.backend().startsWith("nd4j-native CPU"), info.backend());
        assertTrue(info.device().endsWith("(" + Runtime.getRuntime().availableProcessors() + " cores)"), info.device());
        assertFalse(info.device().isBlank());
        assertEquals("1.0.0-M2.1", info.nd4jVersion());
        assertEquals("1.0.0-M2.1", info.dl4jVersion());
        assertEquals("unknown", BackendInfo.version("org.example", "missing"));
    }
}
