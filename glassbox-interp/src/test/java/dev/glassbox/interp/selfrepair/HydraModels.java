package dev.glassbox.interp.selfrepair;

import dev.glassbox.interp.model.PlainInterpModel;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerWeights;
import dev.glassbox.model.TransformerWeights.Attention;
import dev.glassbox.model.TransformerWeights.LayerWeights;
import dev.glassbox.model.TransformerWeights.Mlp;
import dev.glassbox.tensor.FloatMatrix;
import java.util.List;

/**
 * Models built by hand whose self-repair is known by construction. Tokens: 0 = BOS, 1 = x, 2 = y; prompts
 * "0 1 1 1" (clean) and "0 2 2 2" (the resample source, where no copying head fires). Two outputs, read as
 * +out and -out, so the centred direction of output 0 is the residual direction {@code out} itself.
 *
 * <pre>
 * residual: one, out, flag, tok_x, bos, notbos, pos0..pos3, junk
 * </pre>
 * Attention is made hard with a score scale of 50 (e^-50 is below float resolution of the sums here).
 */
final class HydraModels {
    static final int ONE = 0, OUT = 1, FLAG = 2, TOK_X = 3, BOS = 4, NOTBOS = 5, POS = 6, JUNK = 10, D = 11;
    static final int CONTEXT = 4, D_HEAD = 4, HEADS = 2, D_MLP = 2;
    static final float HARD = 50f;

    private HydraModels() {}

    /**
     * A backup head and an erasing MLP. Layer 0: head 0 ("A") attends to its own position and copies tok_x
     * into out (+1) and flag (+1); head 1 writes 1 into junk, which nothing reads; the MLP writes
     * -0.25·ReLU(flag) into out (it erases a quarter of what A wrote). Layer 1: head 0 ("B") attends to BOS
     * when flag is set and to the other tokens when it is not, and writes 0.5·notbos into out: it fires only
     * when A did not; head 1 and the MLP are zero.
     * <pre>
     *   clean: out = 1 - 0.25 + 0 = 0.75      A ablated: out = 0 - 0 + 0.5 = 0.5
     *   A: direct 1, total 0.25, MLP compensation 0.25 (reduced erasure), attention 0.5 (the backup head)
     * </pre>
     */
    static PlainInterpModel backupAndErasure() {
        FloatMatrix wo0 = FloatMatrix.zeros(D, HEADS * D_HEAD);
        wo0.set(OUT, 0, 1f);
        wo0.set(FLAG, 0, 1f);
        wo0.set(JUNK, D_HEAD, 1f);
        Attention attn0 = new Attention(selfQueries(), null, selfKeys(), null, values(TOK_X, ONE), null, wo0, null);
        Mlp mlp0 = mlp(FLAG, 0f, -0.25f);

        FloatMatrix wq1 = FloatMatrix.zeros(HEADS * D_HEAD, D);
        wq1.set(0, FLAG, HARD);
        wq1.set(1, ONE, HARD);
        wq1.set(1, FLAG, -HARD);
        FloatMatrix wk1 = FloatMatrix.zeros(HEADS * D_HEAD, D);
        wk1.set(0, BOS, 1f);
        wk1.set(1, NOTBOS, 1f);
        FloatMatrix wo1 = FloatMatrix.zeros(D, HEADS * D_HEAD);
        wo1.set(OUT, 0, 0.5f);
        Attention attn1 = new Attention(wq1, null, wk1, null, values(NOTBOS, -1), null, wo1, null);
        Mlp mlp1 = new Mlp(FloatMatrix.zeros(D_MLP, D), null, null, FloatMatrix.zeros(D, D_MLP), null);
        return model("backup+erasure", List.of(layer(attn0, mlp0), layer(attn1, mlp1)));
    }

    /**
     * Two heads computing the same thing, read through a threshold. Layer 0: heads 0 and 1 each attend to
     * their own position and copy tok_x into out and flag; the MLP writes -ReLU(flag - 1) into out, so out
     * saturates at 1. Layer 1 is zero.
     * <pre>
     *   clean: out = 2 - 1 = 1      one head ablated: out = 1 - 0 = 1
     *   each head: direct 1, total 0, MLP compensation 1 (all of it), attention 0
     * </pre>
     */
    static PlainInterpModel redundantHeads() {
        FloatMatrix wq = selfQueries(), wk = selfKeys();
        for (int r = 0; r < D_HEAD; r++) {
            wq.set(D_HEAD + r, POS + r, HARD);
            wk.set(D_HEAD + r, POS + r, 1f);
        }
        FloatMatrix wv = values(TOK_X, -1);
        wv.set(D_HEAD, TOK_X, 1f);
        FloatMatrix wo = FloatMatrix.zeros(D, HEADS * D_HEAD);
        for (int h = 0; h < HEADS; h++) {
            wo.set(OUT, h * D_HEAD, 1f);
            wo.set(FLAG, h * D_HEAD, 1f);
        }
        Attention attn0 = new Attention(wq, null, wk, null, wv, null, wo, null);
        Mlp mlp0 = mlp(FLAG, -1f, -1f);
        Attention attn1 = new Attention(FloatMatrix.zeros(HEADS * D_HEAD, D), null, FloatMatrix.zeros(HEADS * D_HEAD, D),
                null, FloatMatrix.zeros(HEADS * D_HEAD, D), null, FloatMatrix.zeros(D, HEADS * D_HEAD), null);
        Mlp mlp1 = new Mlp(FloatMatrix.zeros(D_MLP, D), null, null, FloatMatrix.zeros(D, D_MLP), null);
        return model("redundant", List.of(layer(attn0, mlp0), layer(attn1, mlp1)));
    }

    /** Head 0 queries its own position one-hot (scaled to hard attention); head 1 queries nothing. */
    private static FloatMatrix selfQueries() {
        FloatMatrix wq = FloatMatrix.zeros(HEADS * D_HEAD, D);
        for (int r = 0; r < D_HEAD; r++) wq.set(r, POS + r, HARD);
        return wq;
    }

    private static FloatMatrix selfKeys() {
        FloatMatrix wk = FloatMatrix.zeros(HEADS * D_HEAD, D);
        for (int r = 0; r < D_HEAD; r++) wk.set(r, POS + r, 1f);
        return wk;
    }

    /** Head 0's first value dimension reads {@code head0}; head 1's reads {@code head1} (none when -1). */
    private static FloatMatrix values(int head0, int head1) {
        FloatMatrix wv = FloatMatrix.zeros(HEADS * D_HEAD, D);
        wv.set(0, head0, 1f);
        if (head1 >= 0) wv.set(D_HEAD, head1, 1f);
        return wv;
    }

    /** One hidden unit: scale · ReLU(x[read] + bias) into out. */
    private static Mlp mlp(int read, float bias, float scale) {
        FloatMatrix in = FloatMatrix.zeros(D_MLP, D);
        in.set(0, read, 1f);
        FloatMatrix out = FloatMatrix.zeros(D, D_MLP);
        out.set(OUT, 0, scale);
        return new Mlp(in, new float[] {bias, 0f}, null, out, null);
    }

    private static LayerWeights layer(Attention attn, Mlp mlp) {
        return new LayerWeights(null, attn, null, null, mlp, null);
    }

    private static PlainInterpModel model(String name, List<LayerWeights> layers) {
        TransformerConfig c = TransformerConfig.compiled(D, 2, HEADS, D_HEAD, D_MLP, 3, CONTEXT, true);
        FloatMatrix embed = FloatMatrix.zeros(3, D);
        embed.set(0, ONE, 1f);
        embed.set(0, BOS, 1f);
        for (int t = 1; t <= 2; t++) {
            embed.set(t, ONE, 1f);
            embed.set(t, NOTBOS, 1f);
        }
        embed.set(1, TOK_X, 1f);
        FloatMatrix pos = FloatMatrix.zeros(CONTEXT, D);
        for (int p = 0; p < CONTEXT; p++) pos.set(p, POS + p, 1f);
        FloatMatrix unembed = FloatMatrix.zeros(2, D);
        unembed.set(0, OUT, 1f);
        unembed.set(1, OUT, -1f);
        return new PlainInterpModel(name, new Transformer(c, new TransformerWeights(embed, pos, layers, null, unembed)));
    }
}
