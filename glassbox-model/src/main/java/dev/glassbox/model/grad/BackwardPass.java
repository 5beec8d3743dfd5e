package dev.glassbox.model.grad;

import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerWeights;
import dev.glassbox.model.TransformerWeights.LayerWeights;
import dev.glassbox.model.hooks.HookNames;
import dev.glassbox.model.hooks.LayerHookNames;
import dev.glassbox.tensor.kernels.Kernels;

/**
 * The forward pass walked backwards, block by block, mirroring {@code ForwardPass}:
 * <pre>
 *   logits ← unembed(norm(x))                  dx = normᵀ(Uᵀ dlogits)
 *   per block, last first:
 *     x ← x + postNorm(mlp(norm(x)))           d resid_mid = d resid_post + normᵀ(mlpᵀ(d resid_post))
 *     x ← x + postNorm(attn(norm(x)))          d resid_pre = d resid_mid + normᵀ(attnᵀ(d resid_mid))
 *   x ← embedScale E[t] + P                    d hook_embed = d hook_pos_embed = d resid_pre(0)
 * </pre>
 * A residual add passes its gradient unchanged to both summands, so hook_mlp_out has the gradient of
 * resid_post and hook_attn_out that of resid_mid. One backward pass costs about one forward pass: every
 * weight matrix is read once, transposed; no weight gradients are formed.
 */
final class BackwardPass {
    private final TransformerConfig config;
    private final TransformerWeights weights;
    private final HookNames names;
    private final NormBackward norm;
    private final AttentionBackward attention;
    private final MlpBackward mlp;
    private final UnembeddingBackward unembedding;

    BackwardPass(TransformerConfig config, TransformerWeights weights, HookNames names, Kernels kernels) {
        this.config = config;
        this.weights = weights;
        this.names = names;
        this.norm = new NormBackward(config.norm(), config.normEps(), config.dModel());
        this.attention = new AttentionBackward(config, kernels, norm);
        this.mlp = new MlpBackward(config, kernels, norm);
        this.unembedding = new UnembeddingBackward(config, weights, kernels, norm);
    }

    /** Leaves ∂m/∂(every hook point) in {@code sink}, given ∂m/∂logits [n][outputs] flat. */
    void run(ForwardRecord fwd, float[] logits, float[] dLogits, int n, GradientSink sink) {
        int last = config.nLayers() - 1;
        float[] d = unembedding.backward(fwd.getOrNull(names.layer(last).residPost()), logits, dLogits, n, sink);
        for (int layer = last; layer >= 0; layer--) {
            d = block(layer, fwd, d, n, sink);
        }
        sink.put(HookNames.EMBED, d, n, config.dModel());
        sink.put(HookNames.POS_EMBED, d, n, config.dModel());
    }

    /** From ∂m/∂resid_post to ∂m/∂resid_pre of one block. */
    private float[] block(int layer, ForwardRecord fwd, float[] dPost, int n, GradientSink sink) {
        LayerWeights w = weights.layers().get(layer);
        LayerHookNames at = names.layer(layer);
        int d = config.dModel();
        sink.put(at.residPost(), dPost, n, d);
        sink.put(at.mlpOut(), dPost, n, d);

        float[] dLn2 = mlp.backward(w.mlp(), w.mlpPostNorm(), at, fwd, dPost, n, sink);
        float[] dMid = norm.backward(fwd.getOrNull(at.residMid()), w.mlpNorm(), dLn2, n);
        add(dPost, dMid);
        sink.put(at.residMid(), dMid, n, d);
        sink.put(at.attnOut(), dMid, n, d);

        float[] dLn1 = attention.backward(w.attn(), w.attnPostNorm(), at, fwd, dMid, n, sink);
        float[] dPre = norm.backward(fwd.getOrNull(at.residPre()), w.attnNorm(), dLn1, n);
        add(dMid, dPre);
        sink.put(at.residPre(), dPre, n, d);
        return dPre;
    }

    /** into += from. */
    private static void add(float[] from, float[] into) {
        for (int e = 0; e < into.length; e++) into[e] += from[e];
    }
}
