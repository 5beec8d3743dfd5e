package dev.glassbox.interp.circuits;

import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerWeights;

/**
 * The two circuits of one attention head, in the space the head reads (the output of the block's first
 * norm, its weight included; for compiled models, which have no norms, the residual stream itself):
 * <pre>
 *   W_QK(h) = W_Q(h)^T W_K(g)    d_model x d_model; score(i, j) = x_i^T W_QK x_j   (before attnScale, biases, rotary)
 *   W_OV(h) = W_O(h) W_V(g)      d_model x d_model; the head writes W_OV sum_j p_ij x_j  (before value biases)
 * </pre>
 * with g = h / groupSize the key/value head that query head h shares under grouped-query attention. Both
 * are kept factored (rank at most d_head). TransformerLens folds the norm's weight into W_Q, W_K, W_V
 * instead; for compiled models the two agree.
 */
public final class HeadCircuits {
    private HeadCircuits() {}

    /** W_QK(h) = W_Q(h)^T W_K(g): left singular vectors live on the query side, right ones on the key side. */
    public static FactoredMatrix qk(TransformerConfig config, TransformerWeights weights, int layer, int head) {
        check(config, layer, head);
        TransformerWeights.Attention w = weights.layers().get(layer).attn();
        int d = config.dHead(), g = head / config.groupSize();
        double[][] wq = Matrices.block(w.wq(), head * d, d, 0, config.dModel());
        double[][] wk = Matrices.block(w.wk(), g * d, d, 0, config.dModel());
        return new FactoredMatrix(Matrices.transpose(wq), wk);
    }

    /** W_OV(h) = W_O(h) W_V(g): left singular vectors live on the output side, right ones on the value side. */
    public static FactoredMatrix ov(TransformerConfig config, TransformerWeights weights, int layer, int head) {
        check(config, layer, head);
        TransformerWeights.Attention w = weights.layers().get(layer).attn();
        int d = config.dHead(), g = head / config.groupSize();
        double[][] wo = Matrices.block(w.wo(), 0, config.dModel(), head * d, d);
        double[][] wv = Matrices.block(w.wv(), g * d, d, 0, config.dModel());
        return new FactoredMatrix(wo, wv);
    }

    private static void check(TransformerConfig config, int layer, int head) {
        if (layer < 0 || layer >= config.nLayers() || head < 0 || head >= config.nHeads()) {
            throw new IllegalArgumentException("no head " + layer + "." + head + " in a model with " + config.nLayers()
                    + " layers of " + config.nHeads() + " heads");
        }
    }
}
