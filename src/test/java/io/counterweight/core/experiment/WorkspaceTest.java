package io.counterweight.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.CounterweightException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
    @TempDir Path tmp;

    @Test
    void explicitBeatsEnvironmentBeatsThePlatformsDefault() {
        Map<String, String> env = Map.of(Workspace.ENV, "/srv/cw-runs");
        assertEquals(Path.of("/tmp/mine").toAbsolutePath(), Workspace.resolve("/tmp/mine", env, "Linux", "/home/ana").dir());
        assertEquals(Path.of("/srv/cw-runs"), Workspace.resolve(null, env, "Linux", "/home/ana").dir());
        assertEquals(Path.of("/home/ana/.local/share/counterweight/runs"), Workspace.resolve(" ", Map.of(), "Linux", "/home/ana").dir());
    }

    @Test
    void eachPlatformGetsItsConventionalPlace() {
        assertEquals(Path.of("/Users/ana/Library/Application Support/Counterweight/runs"),
                Workspace.platformDefault(Map.of(), "Mac OS X", "/Users/ana"));
        assertEquals(Path.of("/data/xdg/counterweight/runs"),
                Workspace.platformDefault(Map.of("XDG_DATA_HOME", "/data/xdg"), "Linux", "/home/ana"));
        assertEquals(Path.of("/home/ana/.local/share/counterweight/runs"),
                Workspace.platformDefault(Map.of("XDG_DATA_HOME", "relative/ignored"), "Linux", "/home/ana"));
        // Windows: %LOCALAPPDATA%, else under the profile (paths built with this OS's separator)
        assertEquals(Path.of("/w/Local", "Counterweight", "runs"),
                Workspace.platformDefault(Map.of("LOCALAPPDATA", "/w/Local"), "Windows 11", "/w/ana"));
        assertEquals(Path.of("/w/ana", "AppData", "Local", "Counterweight", "runs"),
                Workspace.platformDefault(Map.of(), "Windows 11", "/w/ana"));
    }

    @Test
    void aFolderThatCannotHoldRunsIsRefusedBeforeAnyTraining() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        CounterweightException e = assertThrows(CounterweightException.class,
                () -> new Workspace(file.resolve("runs")).ensureWritable());
        assertTrue(e.getMessage().startsWith("workspace " + file.resolve("runs")), e.getMessage());
        Workspace ok = new Workspace(tmp.resolve("new/runs")).ensureWritable();
        assertTrue(Files.isDirectory(ok.dir()));
        try (var s = Files.list(ok.dir())) {
            assertEquals(0, s.count(), "the write test leaves nothing behind");
        }
    }
}
