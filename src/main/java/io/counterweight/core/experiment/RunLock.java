package io.counterweight.core.experiment;

import io.counterweight.core.CounterweightException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An operating-system lock on {@code run.lock} in a run folder, held by the process that trains the run
 * for as long as it trains. The OS drops it when that process dies, however it dies, so another process
 * can tell a running run from an interrupted one without trusting any file's content.
 */
final class RunLock implements AutoCloseable {
    static final String FILE = "run.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code runDir}; fails if another process (or this one) holds it. */
    static RunLock acquire(Path runDir) {
        Path file = runDir.resolve(FILE);
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                ch.close();
                throw new CounterweightException(runDir + ": another process is training this run");
            }
            return new RunLock(ch, l);
        } catch (IOException e) {
            throw new CounterweightException(file + ": cannot lock the run folder (" + e.getMessage() + ")", e);
        }
    }

    /** True while some process (this one included) trains the run in {@code runDir}. */
    static boolean isHeld(Path runDir) {
        Path file = runDir.resolve(FILE);
        if (!file.toFile().isFile()) return false;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) return true;
            l.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by this JVM
        } catch (IOException e) {
            return false; // cannot open it to lock (read-only copy of a folder): nobody trains it here
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the lock goes with the channel, and with the process at the latest
        }
    }
}
