package io.counterweight.core.experiment;

/**
 * A separate process that takes a run folder's lock, says "locked" on stdout and then waits for its
 * stdin to close: the test kills it as {@code kill -9} would and sees the run become interrupted.
 */
public final class LockHolder {
    private LockHolder() { }

    public static void main(String[] args) throws Exception {
        RunLock lock = RunLock.acquire(java.nio.file.Path.of(args[0]));
        System.out.println("locked");
        System.out.flush();
        while (System.in.read() >= 0) {
            // hold the lock until killed or stdin closes
        }
        lock.close();
    }
}
