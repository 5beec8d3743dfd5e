package dev.glassbox.model.forward;

import dev.glassbox.model.TransformerConfig.Positions;

/**
 * Rotary position embedding: at position p, pair i of a head's vector is rotated by the angle
 * p * theta^(-2i/dHead):  (a, b) -> (a cos - b sin, a sin + b cos).
 * The pairs are (2i, 2i+1) in the interleaved layout (the original paper, GGUF llama) and
 * (i, i + dHead/2) in the rotate-half layout (Hugging Face llama, Gemma).
 */
final class RotaryEmbedding {
    private final boolean interleaved;
    private final int dHead;
    private final double[] inverseFrequencies;

    RotaryEmbedding(Positions style, int dHead, float theta) {
        this.interleaved = style == Positions.ROPE_INTERLEAVED;
        this.dHead = dHead;
        this.inverseFrequencies = new double[dHead / 2];
        for (int i = 0; i < dHead / 2; i++) {
            inverseFrequencies[i] = Math.pow(theta, -2.0 * i / dHead);
        }
    }

    /** Rotates {@code x}, laid out [n][heads][dHead], in place; row r is at position {@code start + r}. */
    void rotate(float[] x, int n, int heads, int start) {
        int half = dHead / 2;
        float[] cos = new float[half];
        float[] sin = new float[half];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < half; i++) {
                double angle = (start + r) * inverseFrequencies[i];
                cos[i] = (float) Math.cos(angle);
                sin[i] = (float) Math.sin(angle);
            }
            for (int h = 0; h < heads; h++) {
                int base = (r * heads + h) * dHead;
                for (int i = 0; i < half; i++) {
                    int ia = base + (interleaved ? 2 * i : i);
                    int ib = base + (interleaved ? 2 * i + 1 : i + half);
                    float a = x[ia], b = x[ib];
                    x[ia] = a * cos[i] - b * sin[i];
                    x[ib] = a * sin[i] + b * cos[i];
                }
            }
        }
    }
}
