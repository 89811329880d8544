package io.counterweight.core.data;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;

/**
 * Just enough of numpy's pickle protocol for the CIFAR "python" files: arrays pickled through
 * {@code numpy.core.multiarray._reconstruct} + {@code __setstate__} (protocol 2, as the CIFAR files and
 * Python 3 protocol 2 write them) or {@code numpy.core.numeric._frombuffer} (protocol 5), and the
 * {@code numpy.dtype} they carry. The classes are public only because the pickle library calls
 * {@code __setstate__} by reflection.
 */
public final class NumpyPickle {
    private NumpyPickle() { }

    private static boolean registered;

    /** Registers the constructors with razorvine (a process-wide table), once. */
    static synchronized void register() {
        if (registered) return;
        IObjectConstructor reconstruct = args -> new NdArray();
        IObjectConstructor fromBuffer = NdArray::fromBuffer;
        IObjectConstructor dtype = args -> new Dtype(text(args[0]));
        for (String core : List.of("numpy.core", "numpy._core")) {
            Unpickler.registerConstructor(core + ".multiarray", "_reconstruct", reconstruct);
            Unpickler.registerConstructor(core + ".numeric", "_frombuffer", fromBuffer);
        }
        Unpickler.registerConstructor("numpy", "dtype", dtype);
        registered = true;
    }

    /** A Python 2 str arrives as a String of chars 0..255, a Python 3 bytes as byte[]: both become bytes. */
    static byte[] bytes(Object o) {
        if (o instanceof byte[] b) return b;
        if (o instanceof String s) return s.getBytes(StandardCharsets.ISO_8859_1);
        throw new PickleException("expected bytes, found " + (o == null ? "None" : o.getClass().getSimpleName()));
    }

    /** Text from a Python 3 str, a Python 2 str (String) or a bytes key (byte[], UTF-8). */
    static String text(Object o) {
        return o instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(o);
    }

    /** A numpy dtype: its code such as "u1" or "i8" and its byte order ('<', '>', '|' or '='). */
    public static final class Dtype {
        private final String code;
        private char order = '|';

        Dtype(String code) {
            // "<i8" style codes carry the order in front.
            if (!code.isEmpty() && "<>|=".indexOf(code.charAt(0)) >= 0) {
                order = code.charAt(0);
                code = code.substring(1);
            }
            this.code = code;
        }

        /** State tuple (version, byte order, subarray, names, fields, elsize, alignment, flags). */
        public void __setstate__(Object[] state) {
            if (state.length > 1 && state[1] != null) order = text(state[1]).charAt(0);
        }

        public String code() { return code; }

        /** Bytes per element for the integer codes we accept (u1, i1, i2, u2, i4, u4, i8, u8). */
        int itemSize() {
            if (!code.matches("[iu][1248]")) throw new PickleException("unsupported numpy dtype " + code);
            return code.charAt(1) - '0';
        }

        boolean bigEndian() { return order == '>'; }
    }

    /** A numpy array: shape, dtype and the raw element bytes in C order. */
    public static final class NdArray {
        private int[] shape = new int[0];
        private Dtype dtype;
        private byte[] data;

        static NdArray fromBuffer(Object[] args) {
            NdArray a = new NdArray();
            a.data = bytes(args[0]);
            a.dtype = (Dtype) args[1];
            a.shape = ints((Object[]) args[2]);
            if (args.length > 3 && "F".equals(text(args[3])) && a.shape.length > 1) throw new PickleException("Fortran-order arrays are not supported");
            return a;
        }

        /** State (version, shape, dtype, is_fortran, raw data); older pickles omit the version. */
        public void __setstate__(Object[] state) {
            int o = state.length == 5 ? 1 : 0;
            shape = ints((Object[]) state[o]);
            dtype = (Dtype) state[o + 1];
            if (Boolean.TRUE.equals(state[o + 2]) && shape.length > 1) throw new PickleException("Fortran-order arrays are not supported");
            data = bytes(state[o + 3]);
        }

        public int[] shape() { return shape.clone(); }

        public Dtype dtype() { return dtype; }

        /** The raw element bytes (not copied). */
        public byte[] data() { return data; }

        /** The product of the shape; -1 when a dimension is negative or the product overflows (a corrupt file). */
        public long elements() {
            long n = 1;
            for (int s : shape) {
                if (s < 0) return -1;
                try {
                    n = Math.multiplyExact(n, s);
                } catch (ArithmeticException e) {
                    return -1;
                }
            }
            return n;
        }

        /** True when the array got its dtype and data (a pickle cut short or mis-built may leave them out). */
        public boolean complete() { return dtype != null && data != null; }

        /** Elements as ints, for integer dtypes (labels stored as an array). */
        int[] toInts() {
            if (!complete()) throw new PickleException("the array has no dtype or data");
            int size = dtype.itemSize();
            long elements = elements();
            if (elements < 0 || elements > Integer.MAX_VALUE) throw new PickleException("the array's shape is not valid");
            int n = (int) elements;
            if ((long) n * size != data.length) throw new PickleException("array data has " + data.length + " bytes for " + n + " elements of " + size);
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                long v = 0;
                for (int b = 0; b < size; b++) {
                    int idx = i * size + (dtype.bigEndian() ? b : size - 1 - b);
                    v = v << 8 | (data[idx] & 0xFF);
                }
                if (dtype.code().startsWith("i") && size < 8) v = v << (64 - 8 * size) >> (64 - 8 * size);
                out[i] = Math.toIntExact(v);
            }
            return out;
        }

        private static int[] ints(Object[] tuple) {
            int[] out = new int[tuple.length];
            for (int i = 0; i < out.length; i++) out[i] = ((Number) tuple[i]).intValue();
            return out;
        }
    }
}
