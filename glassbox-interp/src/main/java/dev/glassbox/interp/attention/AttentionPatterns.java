package dev.glassbox.interp.attention;

import dev.glassbox.model.Transformer;
import dev.glassbox.model.hooks.Activation;
import dev.glassbox.model.hooks.ActivationCache;
import dev.glassbox.model.hooks.HookNames;

/**
 * Every head's attention pattern on one prompt, from {@code blocks.L.attn.hook_pattern}:
 * {@code weight(layer, head, query, key)} is how much the query position attends to the key position
 * (each query's row sums to 1; keys a causal model cannot see have weight 0).
 */
public final class AttentionPatterns {
    private final int[] tokens;
    private final float[][][][] patterns; // [layer][head][query][key]

    private AttentionPatterns(int[] tokens, float[][][][] patterns) {
        this.tokens = tokens;
        this.patterns = patterns;
    }

    /**
     * Patterns computed elsewhere (or known by construction), [layer][head][query][key] over {@code tokens}.
     */
    public static AttentionPatterns of(int[] tokens, float[][][][] patterns) {
        for (float[][][] layer : patterns) {
            for (float[][] head : layer) {
                if (head.length != tokens.length) throw new IllegalArgumentException(head.length + " query rows for " + tokens.length + " tokens");
                for (float[] row : head) {
                    if (row.length != tokens.length) throw new IllegalArgumentException(row.length + " keys for " + tokens.length + " tokens");
                }
            }
        }
        float[][][][] copy = new float[patterns.length][][][];
        for (int l = 0; l < patterns.length; l++) {
            copy[l] = new float[patterns[l].length][][];
            for (int h = 0; h < patterns[l].length; h++) {
                copy[l][h] = new float[tokens.length][];
                for (int q = 0; q < tokens.length; q++) copy[l][h][q] = patterns[l][h][q].clone();
            }
        }
        return new AttentionPatterns(tokens.clone(), copy);
    }

    /** One forward pass caching only the patterns. */
    public static AttentionPatterns of(Transformer model, int[] tokens) {
        ActivationCache cache = model.runWithCache(tokens, name -> name.endsWith(HookNames.PATTERN)).cache();
        int layers = model.config().nLayers(), heads = model.config().nHeads(), n = tokens.length;
        float[][][][] out = new float[layers][heads][n][n];
        for (int l = 0; l < layers; l++) {
            Activation a = cache.get(l, HookNames.PATTERN); // [head][query][key]
            float[] data = a.data();
            for (int h = 0; h < heads; h++) {
                for (int q = 0; q < n; q++) System.arraycopy(data, (h * n + q) * n, out[l][h][q], 0, n);
            }
        }
        return new AttentionPatterns(tokens.clone(), out);
    }

    public int layers() {
        return patterns.length;
    }

    public int heads() {
        return patterns[0].length;
    }

    /** The number of positions. */
    public int length() {
        return tokens.length;
    }

    public int[] tokens() {
        return tokens.clone();
    }

    public float weight(int layer, int head, int query, int key) {
        return patterns[layer][head][query][key];
    }

    /** Query {@code query}'s row of one head's pattern, not copied. */
    float[] row(int layer, int head, int query) {
        return patterns[layer][head][query];
    }

    /** One head's pattern [query][key] (a copy). */
    public float[][] head(int layer, int head) {
        float[][] p = patterns[layer][head];
        float[][] copy = new float[p.length][];
        for (int q = 0; q < p.length; q++) copy[q] = p[q].clone();
        return copy;
    }
}
