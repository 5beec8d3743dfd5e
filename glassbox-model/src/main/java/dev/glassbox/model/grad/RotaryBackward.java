package dev.glassbox.model.grad;

import dev.glassbox.model.TransformerConfig.Positions;

/**
 * Backward of rotary embeddings. The forward rotates each pair (a, b) at position p by the angle
 * θ_i = p · theta^(-2i/dHead):  (a, b) → (a cos θ − b sin θ, a sin θ + b cos θ). A rotation's Jacobian is
 * the rotation itself, so the gradient goes back through its transpose, the rotation by −θ:
 * (da, db) ← (dA cos θ + dB sin θ, −dA sin θ + dB cos θ). Pairs are (2i, 2i+1) interleaved or
 * (i, i + dHead/2) rotate-half, as in the forward pass; the angles are computed the same way.
 */
final class RotaryBackward {
    private final boolean interleaved;
    private final int dHead;
    private final double[] inverseFrequencies;

    RotaryBackward(Positions style, int dHead, float theta) {
        this.interleaved = style == Positions.ROPE_INTERLEAVED;
        this.dHead = dHead;
        this.inverseFrequencies = new double[dHead / 2];
        for (int i = 0; i < dHead / 2; i++) inverseFrequencies[i] = Math.pow(theta, -2.0 * i / dHead);
    }

    /** Rotates the gradient {@code g}, [n][heads][dHead] at positions 0..n-1, back by −θ, in place. */
    void backward(float[] g, int n, int heads) {
        int half = dHead / 2;
        float[] cos = new float[half], sin = new float[half];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < half; i++) {
                double angle = r * inverseFrequencies[i];
                cos[i] = (float) Math.cos(angle);
                sin[i] = (float) Math.sin(angle);
            }
            for (int h = 0; h < heads; h++) {
                int base = (r * heads + h) * dHead;
                for (int i = 0; i < half; i++) {
                    int ia = base + (interleaved ? 2 * i : i);
                    int ib = base + (interleaved ? 2 * i + 1 : i + half);
                    float da = g[ia], db = g[ib];
                    g[ia] = da * cos[i] + db * sin[i];
                    g[ib] = -da * sin[i] + db * cos[i];
                }
            }
        }
    }
}
