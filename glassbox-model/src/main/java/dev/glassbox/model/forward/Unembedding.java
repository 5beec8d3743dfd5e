package dev.glassbox.model.forward;

import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerWeights;
import dev.glassbox.model.hooks.ActiveHooks;
import dev.glassbox.model.hooks.HookNames;
import dev.glassbox.tensor.parallel.Parallelism;
import java.util.Arrays;

/** logits_i = U norm(x_i), then finalSoftcap * tanh(logits / finalSoftcap) when configured. */
final class Unembedding {
    private final TransformerConfig config;
    private final TransformerWeights weights;
    private final Normalization norm;
    private final Parallelism parallel;

    Unembedding(TransformerConfig config, TransformerWeights weights, Normalization norm, Parallelism parallel) {
        this.config = config;
        this.weights = weights;
        this.norm = norm;
        this.parallel = parallel;
    }

    /**
     * @param lastOnly unembed the last position only (generation needs no other; the final norm and its hook
     *     still see every position)
     * @return logits [n][outputs] (or [1][outputs] when lastOnly), row-major, outputs = rows of the unembedding
     */
    float[] logits(float[] residual, int n, ActiveHooks hooks, boolean lastOnly) {
        float[] normalized = norm.normalize(residual, n, weights.finalNorm(), HookNames.FINAL_NORMALIZED, hooks);
        if (lastOnly && n > 1) {
            int d = config.dModel();
            normalized = Arrays.copyOfRange(normalized, (n - 1) * d, n * d);
            n = 1;
        }
        float[] logits = Rows.linear(weights.unembed(), null, normalized, n, parallel);
        float cap = config.finalSoftcap();
        if (cap > 0) {
            for (int i = 0; i < logits.length; i++) logits[i] = Rows.softcap(logits[i], cap);
        }
        return logits;
    }
}
