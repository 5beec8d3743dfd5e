package dev.glassbox.io.gguf;

import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One metadata value of a GGUF file: a scalar, a string, or an array of one of those (GGUF allows arrays
 * of arrays; llama.cpp does not read them and neither does Glassbox).
 *
 * <p>Java holds each GGUF type in the Java type of its width: UINT8 and INT8 in {@code byte}, 16-bit types
 * in {@code short}, 32-bit in {@code int}, 64-bit in {@code long}, FLOAT32 in {@code float}, FLOAT64 in
 * {@code double}; unsigned values keep their bits and read back unsigned through {@link #asLong()}. Arrays
 * are held as Java arrays of those types ({@code String[]} for strings). Instances are immutable: arrays are
 * copied in and out.
 *
 * <p>A string array read from a file is held packed (one byte[] of UTF-8 for all elements, see
 * {@link PackedStrings}) and its elements are decoded when asked for; it reads exactly like one built from a
 * {@code String[]}.
 */
public final class GgufValue {
    private final GgufValueType type;
    private final GgufValueType elementType; // for arrays; null otherwise
    private final Object value; // a scalar, a Java array, or PackedStrings for a string array read from a file

    private GgufValue(GgufValueType type, GgufValueType elementType, Object value) {
        this.type = type;
        this.elementType = elementType;
        this.value = value;
    }

    public static GgufValue uint8(int v) {
        return scalar(GgufValueType.UINT8, (byte) v);
    }

    public static GgufValue int8(byte v) {
        return scalar(GgufValueType.INT8, v);
    }

    public static GgufValue uint16(int v) {
        return scalar(GgufValueType.UINT16, (short) v);
    }

    public static GgufValue int16(short v) {
        return scalar(GgufValueType.INT16, v);
    }

    /** @param v 0 .. 2^32-1 */
    public static GgufValue uint32(long v) {
        if (v < 0 || v > 0xFFFF_FFFFL) throw new IllegalArgumentException("uint32 out of range: " + v);
        return scalar(GgufValueType.UINT32, (int) v);
    }

    public static GgufValue int32(int v) {
        return scalar(GgufValueType.INT32, v);
    }

    /** The 64 bits as given (read back unsigned). */
    public static GgufValue uint64(long bits) {
        return scalar(GgufValueType.UINT64, bits);
    }

    public static GgufValue int64(long v) {
        return scalar(GgufValueType.INT64, v);
    }

    public static GgufValue float32(float v) {
        return scalar(GgufValueType.FLOAT32, v);
    }

    public static GgufValue float64(double v) {
        return scalar(GgufValueType.FLOAT64, v);
    }

    public static GgufValue bool(boolean v) {
        return scalar(GgufValueType.BOOL, v);
    }

    public static GgufValue string(String v) {
        return scalar(GgufValueType.STRING, Objects.requireNonNull(v, "string"));
    }

    public static GgufValue strings(List<String> values) {
        return array(GgufValueType.STRING, values.toArray(String[]::new));
    }

    /**
     * An array of {@code elementType}, given as the Java array that holds that type (see the class comment):
     * {@code array(UINT32, new int[] {...})}, {@code array(FLOAT32, new float[] {...})}.
     */
    public static GgufValue array(GgufValueType elementType, Object javaArray) {
        Objects.requireNonNull(javaArray, "javaArray");
        Class<?> expected = javaArrayClass(elementType);
        if (javaArray.getClass() != expected) {
            throw new IllegalArgumentException("an array of " + elementType + " is held in a " + expected.getSimpleName()
                    + ", not a " + javaArray.getClass().getSimpleName());
        }
        if (javaArray instanceof String[] s) {
            for (String e : s) Objects.requireNonNull(e, "array element");
        }
        return new GgufValue(GgufValueType.ARRAY, elementType, copy(javaArray));
    }

    private static GgufValue scalar(GgufValueType type, Object value) {
        return new GgufValue(type, null, value);
    }

    static Class<?> javaArrayClass(GgufValueType elementType) {
        return switch (elementType) {
            case UINT8, INT8 -> byte[].class;
            case UINT16, INT16 -> short[].class;
            case UINT32, INT32 -> int[].class;
            case UINT64, INT64 -> long[].class;
            case FLOAT32 -> float[].class;
            case FLOAT64 -> double[].class;
            case BOOL -> boolean[].class;
            case STRING -> String[].class;
            case ARRAY -> throw new IllegalArgumentException("arrays of arrays are not supported");
        };
    }

    /** Built by the reader from an array it filled itself (no copy). */
    static GgufValue ofReadArray(GgufValueType elementType, Object javaArray) {
        return new GgufValue(GgufValueType.ARRAY, elementType, javaArray);
    }

    /** Built by the reader from the string array it packed. */
    static GgufValue ofReadStrings(PackedStrings strings) {
        return new GgufValue(GgufValueType.ARRAY, GgufValueType.STRING, strings);
    }

    static GgufValue ofReadScalar(GgufValueType type, Object value) {
        return new GgufValue(type, null, value);
    }

    public GgufValueType type() {
        return type;
    }

    /** The element type of an array; empty otherwise. */
    public java.util.Optional<GgufValueType> elementType() {
        return java.util.Optional.ofNullable(elementType);
    }

    public boolean isArray() {
        return type == GgufValueType.ARRAY;
    }

    /** Elements of an array (0 for a scalar). */
    public int length() {
        if (value instanceof PackedStrings p) return p.size();
        return isArray() ? Array.getLength(value) : 0;
    }

    /** The value in its Java type (see the class comment); an array comes as a copy. */
    public Object value() {
        if (!isArray()) return value;
        return value instanceof PackedStrings p ? p.toArray() : copy(value);
    }

    /** Integer types, unsigned ones read as unsigned (a UINT64 above Long.MAX_VALUE throws). */
    public long asLong() {
        return integer(type, value);
    }

    /** A float or an integer type, as a double. */
    public double asDouble() {
        return switch (type) {
            case FLOAT32 -> (Float) value;
            case FLOAT64 -> (Double) value;
            default -> {
                if (type.isInteger()) yield asLong();
                throw wrongType("a number");
            }
        };
    }

    public boolean asBoolean() {
        if (type != GgufValueType.BOOL) throw wrongType("a bool");
        return (Boolean) value;
    }

    public String asString() {
        if (type != GgufValueType.STRING) throw wrongType("a string");
        return (String) value;
    }

    /**
     * An array of strings, unmodifiable. For an array read from a file this is a view that decodes an element
     * on each {@code get} (a new String each time); copy it ({@code List.copyOf}) to keep the Strings.
     */
    public List<String> asStrings() {
        if (elementType != GgufValueType.STRING) throw wrongType("an array of strings");
        return value instanceof PackedStrings p ? p.asList() : List.of((String[]) value);
    }

    /** An array of an integer type, each element as a long (unsigned ones unsigned). */
    public long[] asLongs() {
        if (elementType == null || !elementType.isInteger()) throw wrongType("an array of integers");
        long[] out = new long[length()];
        for (int i = 0; i < out.length; i++) out[i] = integer(elementType, Array.get(value, i));
        return out;
    }

    /** An array of FLOAT32 or FLOAT64, as floats. */
    public float[] asFloats() {
        if (elementType == GgufValueType.FLOAT32) return ((float[]) value).clone();
        if (elementType == GgufValueType.FLOAT64) {
            double[] d = (double[]) value;
            float[] out = new float[d.length];
            for (int i = 0; i < d.length; i++) out[i] = (float) d[i];
            return out;
        }
        throw wrongType("an array of floats");
    }

    private static long integer(GgufValueType type, Object v) {
        return switch (type) {
            case UINT8 -> Byte.toUnsignedLong((Byte) v);
            case INT8 -> (Byte) v;
            case UINT16 -> Short.toUnsignedLong((Short) v);
            case INT16 -> (Short) v;
            case UINT32 -> Integer.toUnsignedLong((Integer) v);
            case INT32 -> (Integer) v;
            case UINT64 -> {
                long bits = (Long) v;
                if (bits < 0) throw new ArithmeticException("uint64 " + Long.toUnsignedString(bits) + " does not fit a long");
                yield bits;
            }
            case INT64 -> (Long) v;
            default -> throw new IllegalStateException("not an integer: " + type);
        };
    }

    private IllegalStateException wrongType(String wanted) {
        return new IllegalStateException("the value is " + typeName() + ", not " + wanted);
    }

    /** "UINT32", or "ARRAY[STRING]". */
    public String typeName() {
        return isArray() ? "ARRAY[" + elementType + "]" : type.name();
    }

    /**
     * The value as text: strings quoted, arrays as [a, b, ...] with at most {@code maxElements} shown and the
     * rest counted ("... 31997 more").
     */
    public String describe(int maxElements) {
        if (!isArray()) return scalarText(type, value);
        int n = length();
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < Math.min(n, maxElements); i++) {
            if (i > 0) sb.append(", ");
            sb.append(scalarText(elementType, value instanceof PackedStrings p ? p.get(i) : Array.get(value, i)));
        }
        if (n > maxElements) sb.append(maxElements > 0 ? ", " : "").append("... ").append(n - maxElements).append(" more");
        return sb.append("]").toString();
    }

    private static String scalarText(GgufValueType type, Object v) {
        return switch (type) {
            case STRING -> quote((String) v);
            case UINT64 -> Long.toUnsignedString((Long) v);
            case BOOL, FLOAT32, FLOAT64 -> String.valueOf(v);
            default -> String.valueOf(integer(type, v));
        };
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        int shown = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (++shown > 200) {
                sb.append("...(").append(s.length()).append(" chars)");
                break;
            }
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    /** The array as the Java array of its type (decoding packed strings into a new String[]). */
    private Object javaArray() {
        return value instanceof PackedStrings p ? p.toArray() : value;
    }

    private static Object copy(Object array) {
        int n = Array.getLength(array);
        Object out = Array.newInstance(array.getClass().getComponentType(), n);
        System.arraycopy(array, 0, out, 0, n);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GgufValue v) || type != v.type || elementType != v.elementType) return false;
        return isArray() ? Arrays.deepEquals(new Object[] {javaArray()}, new Object[] {v.javaArray()}) : value.equals(v.value);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + (isArray() ? Arrays.deepHashCode(new Object[] {javaArray()}) : value.hashCode());
    }

    @Override
    public String toString() {
        return typeName() + " " + describe(8);
    }
}
