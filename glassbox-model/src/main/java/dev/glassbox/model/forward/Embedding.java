package dev.glassbox.model.forward;

import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerWeights;
import dev.glassbox.model.hooks.ActiveHooks;
import dev.glassbox.model.hooks.HookNames;

/**
 * The first residual stream: x_i = embedScale * E[token_i] + P[start + i], where P is the learned
 * position table (zero for rotary or position-free models, whose positions enter inside attention).
 */
final class Embedding {
    private final TransformerConfig config;
    private final TransformerWeights weights;

    Embedding(TransformerConfig config, TransformerWeights weights) {
        this.config = config;
        this.weights = weights;
    }

    /** @return the residual stream [n][dModel] after {@code hook_embed} and {@code hook_pos_embed} */
    float[] embed(int[] tokens, int start, ActiveHooks hooks) {
        int n = tokens.length, d = config.dModel();
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) weights.embed().copyRow(tokens[i], x, i * d);
        if (config.embedScale() != 1f) {
            for (int i = 0; i < x.length; i++) x[i] *= config.embedScale();
        }
        x = hooks.fire(HookNames.EMBED, x, n, d);
        if (weights.posEmbed() != null || hooks.wants(HookNames.POS_EMBED)) {
            float[] positions = new float[n * d];
            if (weights.posEmbed() != null) {
                for (int i = 0; i < n; i++) weights.posEmbed().copyRow(start + i, positions, i * d);
            }
            positions = hooks.fire(HookNames.POS_EMBED, positions, n, d);
            for (int i = 0; i < x.length; i++) x[i] += positions[i];
        }
        return x;
    }
}
