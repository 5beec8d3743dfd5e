package dev.glassbox.model.grad;

import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerWeights;
import dev.glassbox.model.hooks.HookNames;
import dev.glassbox.tensor.kernels.Kernels;

/**
 * Backward of the head of the model. Forward: y = finalNorm(x), l = U y, logits = c tanh(l / c) when
 * capped. Backward: dl = dlogits ⊙ (1 − (logits/c)²), dy = Uᵀ dl (ln_final.hook_normalized),
 * dx = finalNormᵀ(dy), the gradient of the last block's resid_post.
 */
final class UnembeddingBackward {
    private final TransformerConfig config;
    private final TransformerWeights weights;
    private final Kernels kernels;
    private final NormBackward norm;

    UnembeddingBackward(TransformerConfig config, TransformerWeights weights, Kernels kernels, NormBackward norm) {
        this.config = config;
        this.weights = weights;
        this.kernels = kernels;
        this.norm = norm;
    }

    /** @param residual the last resid_post (unused without a norm); logits, dLogits [n][outputs] flat */
    float[] backward(float[] residual, float[] logits, float[] dLogits, int n, GradientSink sink) {
        float[] dl = dLogits;
        float cap = config.finalSoftcap();
        if (cap > 0) {
            dl = new float[dLogits.length];
            for (int e = 0; e < dl.length; e++) dl[e] = dLogits[e] * Softcap.derivative(logits[e], cap);
        }
        float[] dy = Transposed.times(weights.unembed(), dl, n, kernels);
        sink.put(HookNames.FINAL_NORMALIZED, dy, n, config.dModel());
        return norm.backward(residual, weights.finalNorm(), dy, n);
    }
}
