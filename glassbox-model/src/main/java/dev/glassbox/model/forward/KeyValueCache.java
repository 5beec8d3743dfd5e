package dev.glassbox.model.forward;

import dev.glassbox.model.TransformerConfig;
import java.util.Arrays;

/**
 * The keys and values every layer has computed so far, per position: layer l's keys are
 * [length][nKvHeads][dHead] row-major (rotary positions already applied). A whole-sequence forward pass
 * fills a fresh one; incremental decoding will keep one across calls and run one new position at a time.
 */
public final class KeyValueCache {
    private final int width;
    private final float[][] keys;
    private final float[][] values;
    private final int[] lengths;

    /** Room for {@code capacity} positions to start with; it grows when needed. */
    public KeyValueCache(TransformerConfig config, int capacity) {
        this.width = config.nKvHeads() * config.dHead();
        int layers = config.nLayers();
        this.keys = new float[layers][capacity * width];
        this.values = new float[layers][capacity * width];
        this.lengths = new int[layers];
    }

    /** Positions stored for {@code layer}. */
    public int length(int layer) {
        return lengths[layer];
    }

    /** What one layer has stored: keys and values [length][nKvHeads][dHead] (arrays may be longer). */
    record Stored(float[] keys, float[] values, int length) {}

    Stored stored(int layer) {
        return new Stored(keys[layer], values[layer], lengths[layer]);
    }

    /** Appends {@code n} positions of keys and values, each [n][nKvHeads][dHead]. */
    void append(int layer, float[] newKeys, float[] newValues, int n) {
        int start = lengths[layer] * width;
        int needed = start + n * width;
        if (needed > keys[layer].length) {
            int grown = Math.max(needed, keys[layer].length * 2);
            keys[layer] = Arrays.copyOf(keys[layer], grown);
            values[layer] = Arrays.copyOf(values[layer], grown);
        }
        System.arraycopy(newKeys, 0, keys[layer], start, n * width);
        System.arraycopy(newValues, 0, values[layer], start, n * width);
        lengths[layer] += n;
    }
}
