package io.counterweight.core.data;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A tiny pickle writer for test fixtures: the opcodes Python emits (protocol 2, and the bytes opcodes of
 * protocol 3), so the CIFAR pickle reader is tested against real byte layouts without needing Python.
 */
final class PickleWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int memo;

    PickleWriter proto(int version) { return op(0x80).raw(version); }
    PickleWriter emptyDict() { return op('}'); }
    PickleWriter emptyList() { return op(']'); }
    PickleWriter mark() { return op('('); }
    PickleWriter setItems() { return op('u'); }
    PickleWriter appends() { return op('e'); }
    PickleWriter tuple() { return op('t'); }
    PickleWriter tuple1() { return op(0x85); }
    PickleWriter tuple2() { return op(0x86); }
    PickleWriter tuple3() { return op(0x87); }
    PickleWriter reduce() { return op('R'); }
    PickleWriter build() { return op('b'); }
    PickleWriter none() { return op('N'); }
    PickleWriter newFalse() { return op(0x89); }
    PickleWriter newTrue() { return op(0x88); }
    PickleWriter stop() { return op('.'); }

    /** BINPUT: remember the top of the stack, as Python does after most objects. */
    PickleWriter put() { return op('q').raw(memo++); }

    PickleWriter global(String module, String name) {
        op('c');
        byte[] text = (module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(text);
        return this;
    }

    /** BININT1, BININT2 or BININT, as Python chooses for non-negative ints. */
    PickleWriter integer(int v) {
        if (v >= 0 && v < 256) return op('K').raw(v);
        if (v >= 0 && v < 65536) return op('M').raw(v & 0xFF).raw(v >> 8);
        return op('J').int32(v);
    }

    /** A Python 2 str: SHORT_BINSTRING below 256 bytes, else BINSTRING. */
    PickleWriter str2(byte[] bytes) {
        if (bytes.length < 256) op('U').raw(bytes.length);
        else op('T').int32(bytes.length);
        out.writeBytes(bytes);
        return this;
    }

    PickleWriter str2(String ascii) { return str2(ascii.getBytes(StandardCharsets.US_ASCII)); }

    /** A Python 3 bytes (protocol 3+): SHORT_BINBYTES or BINBYTES. */
    PickleWriter bytes3(byte[] bytes) {
        if (bytes.length < 256) op('C').raw(bytes.length);
        else op('B').int32(bytes.length);
        out.writeBytes(bytes);
        return this;
    }

    /** A Python 3 str: BINUNICODE. */
    PickleWriter unicode(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        op('X').int32(utf8.length);
        out.writeBytes(utf8);
        return this;
    }

    byte[] toBytes() { return out.toByteArray(); }

    private PickleWriter op(int code) { out.write(code); return this; }

    private PickleWriter raw(int b) { out.write(b); return this; }

    private PickleWriter int32(int v) {
        for (int i = 0; i < 4; i++) out.write(v >> (8 * i) & 0xFF);
        return this;
    }
}
