package dev.glassbox.model.forward;

import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerWeights;
import dev.glassbox.model.hooks.ActiveHooks;
import dev.glassbox.model.hooks.HookNames;

/** logits_i = U norm(x_i), then finalSoftcap * tanh(logits / finalSoftcap) when configured. */
final class Unembedding {
    private final TransformerConfig config;
    private final TransformerWeights weights;
    private final Normalization norm;

    Unembedding(TransformerConfig config, TransformerWeights weights, Normalization norm) {
        this.config = config;
        this.weights = weights;
        this.norm = norm;
    }

    /** @return logits [n][outputs], row-major, outputs = rows of the unembedding */
    float[] logits(float[] residual, int n, ActiveHooks hooks) {
        float[] normalized = norm.normalize(residual, n, weights.finalNorm(), HookNames.FINAL_NORMALIZED, hooks);
        float[] logits = Rows.linear(weights.unembed(), null, normalized, n);
        float cap = config.finalSoftcap();
        if (cap > 0) {
            for (int i = 0; i < logits.length; i++) logits[i] = Rows.softcap(logits[i], cap);
        }
        return logits;
    }
}
