package dev.glassbox.model.forward;

import dev.glassbox.model.TransformerConfig;
import java.util.Arrays;
import java.util.Objects;

/**
 * The keys and values every layer has computed so far, per position: layer l's keys are
 * [length][nKvHeads][dHead] row-major (rotary positions already applied). A whole-sequence forward pass
 * fills a fresh one; incremental decoding keeps one across calls and runs one new position at a time.
 *
 * <p>Entries are stored in float32 ({@link Precision#F32}, exact: a cached pass computes what the whole
 * sequence computes) or in IEEE half precision ({@link Precision#F16}, half the memory, and what llama.cpp
 * keeps by default: each key and value is rounded to the nearest half when stored, so attention sees
 * rounded keys and values while the k and v hooks, which fire before, see the exact ones).
 */
public final class KeyValueCache {
    /** How cached keys and values are stored. */
    public enum Precision {
        /** float32: exact. */
        F32,
        /** IEEE binary16, rounded to nearest even: half the memory; llama.cpp's default cache type. */
        F16
    }

    private final Precision precision;
    private final int width;
    private final int[] lengths;
    // F32: the entries themselves. F16: their half bits, and one layer's entries decoded for the pass reading them.
    private final float[][] keys;
    private final float[][] values;
    private final short[][] halfKeys;
    private final short[][] halfValues;
    private final int dHead;

    /** Room for {@code capacity} positions in float32 to start with; it grows when needed. */
    public KeyValueCache(TransformerConfig config, int capacity) {
        this(config, capacity, Precision.F32);
    }

    /** Room for {@code capacity} positions stored with {@code precision}; it grows when needed. */
    public KeyValueCache(TransformerConfig config, int capacity, Precision precision) {
        this.precision = Objects.requireNonNull(precision, "precision");
        this.width = config.nKvHeads() * config.dHead();
        this.dHead = config.dHead();
        int layers = config.nLayers();
        this.lengths = new int[layers];
        boolean half = precision == Precision.F16;
        this.keys = half ? null : new float[layers][capacity * width];
        this.values = half ? null : new float[layers][capacity * width];
        this.halfKeys = half ? new short[layers][capacity * width] : null;
        this.halfValues = half ? new short[layers][capacity * width] : null;
    }

    public Precision precision() {
        return precision;
    }

    /** Positions stored for {@code layer}. */
    public int length(int layer) {
        return lengths[layer];
    }

    /** What one layer has stored: keys and values [length][nKvHeads][dHead] (arrays may be longer). */
    record Stored(float[] keys, float[] values, int length) {}

    /** The layer's entries as floats (with F16 storage, decoded into new arrays). */
    Stored stored(int layer) {
        int length = lengths[layer];
        if (precision == Precision.F32) return new Stored(keys[layer], values[layer], length);
        float[] k = new float[length * width], v = new float[length * width];
        decode(halfKeys[layer], 0, k, 0, length * width);
        decode(halfValues[layer], 0, v, 0, length * width);
        return new Stored(k, v, length);
    }

    /**
     * One key/value head's entries of a layer: position j's key is {@code keys[base + j*stride ..]}, dHead
     * values, and likewise its value.
     */
    record Head(float[] keys, float[] values, int base, int stride, int length) {}

    /**
     * Key/value head {@code g} of {@code layer}. F32 entries are read where they are. F16 entries are decoded
     * into arrays the calling thread keeps between calls (valid until its next call): one head's entries stay
     * in the core's cache, tasks on different heads decode in parallel, and a generated token allocates nothing.
     */
    Head head(int layer, int g) {
        int length = lengths[layer];
        if (precision == Precision.F32) return new Head(keys[layer], values[layer], g * dHead, width, length);
        DecodeRoom room = DECODE_ROOM.get().atLeast(length * dHead);
        for (int j = 0; j < length; j++) {
            decode(halfKeys[layer], j * width + g * dHead, room.keys, j * dHead, dHead);
            decode(halfValues[layer], j * width + g * dHead, room.values, j * dHead, dHead);
        }
        return new Head(room.keys, room.values, 0, dHead, length);
    }

    private static final ThreadLocal<DecodeRoom> DECODE_ROOM = ThreadLocal.withInitial(DecodeRoom::new);

    /** One thread's arrays for a decoded head, grown when a longer cache needs more. */
    private static final class DecodeRoom {
        float[] keys = new float[0];
        float[] values = new float[0];

        DecodeRoom atLeast(int floats) {
            if (keys.length < floats) {
                keys = new float[floats];
                values = new float[floats];
            }
            return this;
        }
    }

    /** Appends {@code n} positions of keys and values, each [n][nKvHeads][dHead]. */
    void append(int layer, float[] newKeys, float[] newValues, int n) {
        int start = lengths[layer] * width;
        int count = n * width;
        if (precision == Precision.F32) {
            keys[layer] = room(keys[layer], start + count);
            values[layer] = room(values[layer], start + count);
            System.arraycopy(newKeys, 0, keys[layer], start, count);
            System.arraycopy(newValues, 0, values[layer], start, count);
        } else {
            halfKeys[layer] = room(halfKeys[layer], start + count);
            halfValues[layer] = room(halfValues[layer], start + count);
            encode(newKeys, halfKeys[layer], start, count);
            encode(newValues, halfValues[layer], start, count);
        }
        lengths[layer] += n;
    }

    private static float[] room(float[] a, int needed) {
        return needed <= a.length ? a : Arrays.copyOf(a, Math.max(needed, a.length * 2));
    }

    private static short[] room(short[] a, int needed) {
        return needed <= a.length ? a : Arrays.copyOf(a, Math.max(needed, a.length * 2));
    }

    // Plain loops over Float's half conversions: C2 compiles both to vector conversion instructions.
    private static void encode(float[] from, short[] to, int at, int count) {
        for (int i = 0; i < count; i++) to[at + i] = Float.floatToFloat16(from[i]);
    }

    private static void decode(short[] from, int at, float[] to, int toAt, int count) {
        for (int i = 0; i < count; i++) to[toAt + i] = Float.float16ToFloat(from[at + i]);
    }
}
