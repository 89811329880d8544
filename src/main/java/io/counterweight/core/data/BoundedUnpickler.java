package io.counterweight.core.data;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;

/**
 * razorvine's {@link Unpickler} with every length field checked against the bytes left in the file before
 * the library sees it. The library allocates {@code new byte[length]} first and reads afterwards, so a
 * 20-byte pickle whose BINSTRING says 2³¹−1 ended in an OutOfMemoryError, and a BINUNICODE of 1.8 GB took
 * 37 s and 3.7 GB of memory before it found the file too short. Here such a pickle fails at once. Numbers
 * written as text (INT, LONG, FLOAT) are limited to {@link #MAX_NUMBER_TEXT} characters: Java parses a
 * decimal BigInteger in quadratic time, and a CIFAR pickle holds no such number.
 */
final class BoundedUnpickler extends Unpickler {
    static final int MAX_NUMBER_TEXT = 4096;
    private final CountingInput in;

    private BoundedUnpickler(CountingInput in) {
        this.in = in;
    }

    /** Unpickles {@code raw}, which holds {@code size} bytes; the stream must support mark/reset. */
    static Object load(InputStream raw, long size) throws IOException {
        CountingInput counting = new CountingInput(raw, size);
        try {
            return new BoundedUnpickler(counting).load(counting);
        } catch (PickleException e) {
            throw e;
        } catch (RuntimeException e) {
            // e.g. "Index -1 out of bounds" from an opcode that pops an empty stack: Java's words, not the file's.
            throw new PickleException("malformed at byte " + counting.position() + ": its opcodes do not build valid objects");
        } catch (StackOverflowError e) {
            throw new PickleException("malformed at byte " + counting.position() + ": objects nested too deeply or containing themselves");
        }
    }

    @Override
    protected Object dispatch(short key) throws IOException {
        switch (key) {
            case 'T', 'B', 'X' -> requireBytes(key, peekLength(4), Long.MAX_VALUE);
            case 0x8b -> requireBytes(key, peekLength(4), MAX_NUMBER_TEXT); // LONG4
            case 0x8d, 0x8e, 0x96, 0x95 -> requireBytes(key, peekLength(8), Long.MAX_VALUE); // BINUNICODE8, BINBYTES8, BYTEARRAY8, FRAME
            case 'I', 'L', 'F' -> requireShortLine(key);
            default -> { }
        }
        return super.dispatch(key);
    }

    /** Little-endian unsigned length of {@code width} bytes, read ahead without consuming it. */
    private long peekLength(int width) throws IOException {
        in.mark(width);
        long v = 0;
        for (int i = 0; i < width; i++) {
            int b = in.read();
            if (b < 0) break; // the library reports the end of the file itself
            v |= (long) b << (8 * i);
        }
        in.reset();
        return width == 8 && v < 0 ? Long.MAX_VALUE : v;
    }

    private void requireBytes(short opcode, long length, long limit) {
        long left = in.remaining() - (opcode >= 0x8d ? 8 : 4);
        if (length > left) {
            throw new PickleException(String.format("opcode 0x%02x at byte %d declares %,d bytes, but only %,d are left in the file",
                    opcode, in.position() - 1, length, Math.max(0, left)));
        }
        if (length > limit) {
            throw new PickleException(String.format("opcode 0x%02x at byte %d declares a number of %,d bytes", opcode, in.position() - 1, length));
        }
    }

    private void requireShortLine(short opcode) throws IOException {
        in.mark(MAX_NUMBER_TEXT + 1);
        try {
            for (int i = 0; i <= MAX_NUMBER_TEXT; i++) {
                int b = in.read();
                if (b < 0 || b == '\n') return;
            }
            throw new PickleException(String.format("opcode 0x%02x at byte %d holds a number of more than %d characters",
                    opcode, in.position() - 1, MAX_NUMBER_TEXT));
        } finally {
            in.reset();
        }
    }

    /** Counts the bytes consumed (mark/reset aware), so the bytes left in the file are known. */
    private static final class CountingInput extends FilterInputStream {
        private final long size;
        private long position;
        private long marked;

        CountingInput(InputStream in, long size) {
            super(in);
            this.size = size;
        }

        long position() { return position; }

        long remaining() { return size - position; }

        @Override public int read() throws IOException {
            int b = super.read();
            if (b >= 0) position++;
            return b;
        }

        @Override public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) position += n;
            return n;
        }

        @Override public long skip(long n) throws IOException {
            long s = super.skip(n);
            position += s;
            return s;
        }

        @Override public synchronized void mark(int limit) {
            super.mark(limit);
            marked = position;
        }

        @Override public synchronized void reset() throws IOException {
            super.reset();
            position = marked;
        }
    }
}
