package dev.glassbox.model.forward;

import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerWeights;
import dev.glassbox.model.TransformerWeights.LayerWeights;
import dev.glassbox.model.hooks.ActiveHooks;
import dev.glassbox.model.hooks.HookNames;
import dev.glassbox.model.hooks.LayerHookNames;
import dev.glassbox.tensor.kernels.Kernels;
import dev.glassbox.tensor.parallel.Parallelism;

/**
 * The forward pass of one model, as the pipeline it is:
 * <pre>
 *   x = embed(tokens)                                   hook_embed, hook_pos_embed
 *   per block:  x = x + postNorm(attn(norm(x)))         hook_resid_pre ... hook_attn_out, hook_resid_mid
 *               x = x + postNorm(mlp(norm(x)))          ... hook_mlp_out, hook_resid_post
 *   logits = unembed(norm(x))                           ln_final.hook_normalized
 * </pre>
 * Stateless and shared by every run of the model: each run brings its tokens, its first position, the
 * key/value cache it extends, and its hooks. Input checks are the caller's ({@code Transformer}).
 */
public final class ForwardPass {
    private final TransformerConfig config;
    private final TransformerWeights weights;
    private final HookNames names;
    private final Kernels kernels;
    private final Embedding embedding;
    private final Normalization norm;
    private final SelfAttention attention;
    private final FeedForward mlp;
    private final Unembedding unembedding;

    public ForwardPass(TransformerConfig config, TransformerWeights weights, HookNames names, Kernels kernels) {
        this(config, weights, names, kernels, Parallelism.serial());
    }

    /**
     * A pass whose weight products (projections, MLP, unembedding) share their rows out between the threads
     * of {@code parallel}; the results are the same for any number of threads.
     */
    public ForwardPass(TransformerConfig config, TransformerWeights weights, HookNames names, Kernels kernels,
            Parallelism parallel) {
        this.config = config;
        this.weights = weights;
        this.names = names;
        this.kernels = kernels;
        this.embedding = new Embedding(config, weights);
        this.norm = new Normalization(config.norm(), config.normEps(), config.dModel(), kernels);
        this.attention = new SelfAttention(config, kernels, parallel);
        this.mlp = new FeedForward(config, kernels, parallel);
        this.unembedding = new Unembedding(config, weights, norm, parallel);
    }

    /**
     * Runs the positions start..start+tokens.length-1, attending also to the positions already in
     * {@code cache}, and appends their keys and values to it.
     *
     * @return logits [tokens.length][unembed rows], row-major
     */
    public float[] run(int[] tokens, int start, KeyValueCache cache, ActiveHooks hooks) {
        return run(tokens, start, cache, hooks, false);
    }

    /**
     * The same run, unembedding only the last position (what generation needs: a 256000-token vocabulary
     * makes the other positions' logits the largest product of a prompt).
     *
     * @return logits of the last position [unembed rows]
     */
    public float[] runForLastLogits(int[] tokens, int start, KeyValueCache cache, ActiveHooks hooks) {
        return run(tokens, start, cache, hooks, true);
    }

    private float[] run(int[] tokens, int start, KeyValueCache cache, ActiveHooks hooks, boolean lastOnly) {
        int n = tokens.length;
        float[] residual = embedding.embed(tokens, start, hooks);
        for (int layer = 0; layer < config.nLayers(); layer++) {
            residual = block(layer, residual, n, start, cache, hooks);
        }
        return unembedding.logits(residual, n, hooks, lastOnly);
    }

    private float[] block(int layer, float[] x, int n, int start, KeyValueCache cache, ActiveHooks hooks) {
        LayerWeights w = weights.layers().get(layer);
        LayerHookNames at = names.layer(layer);
        int d = config.dModel();

        x = hooks.fire(at.residPre(), x, n, d);
        float[] attnIn = norm.normalize(x, n, w.attnNorm(), at.ln1Normalized(), hooks);
        float[] attnOut = attention.forward(layer, w.attn(), at, attnIn, n, start, cache, hooks);
        if (config.postNorms()) norm.normalizeInPlace(attnOut, n, w.attnPostNorm());
        attnOut = hooks.fire(at.attnOut(), attnOut, n, d);
        kernels.axpy(1f, attnOut, 0, x, 0, n * d);

        x = hooks.fire(at.residMid(), x, n, d);
        float[] mlpIn = norm.normalize(x, n, w.mlpNorm(), at.ln2Normalized(), hooks);
        float[] mlpOut = mlp.forward(w.mlp(), at, mlpIn, n, hooks);
        if (config.postNorms()) norm.normalizeInPlace(mlpOut, n, w.mlpPostNorm());
        mlpOut = hooks.fire(at.mlpOut(), mlpOut, n, d);
        kernels.axpy(1f, mlpOut, 0, x, 0, n * d);

        return hooks.fire(at.residPost(), x, n, d);
    }
}
