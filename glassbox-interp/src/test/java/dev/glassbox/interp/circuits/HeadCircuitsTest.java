package dev.glassbox.interp.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.interp.RandomModels;
import dev.glassbox.model.CachedRun;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerWeights;
import dev.glassbox.model.hooks.ActivationCache;
import dev.glassbox.model.hooks.HookNames;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The circuits and the edits on random models, against the forward pass's own hooks. */
class HeadCircuitsTest {

    /**
     * In a model without rotary positions, hook_attn_scores is attnScale (q_i + b_q).(k_j + b_k) with
     * q_i = W_Q x_i, k_j = W_K x_j, so score - bias terms = attnScale x_i^T W_QK x_j; and each head's
     * hook_result is W_OV sum_j p_ij x_j + W_O b_v.
     */
    @Test
    void circuitsReproduceScoresAndHeadOutputs() {
        TransformerConfig c = RandomModels.gpt2();
        Transformer model = RandomModels.model(c, 3).transformer();
        int[] tokens = RandomModels.tokens(c, 6, 4);
        ActivationCache cache = model.runWithCache(tokens).cache();
        int layer = 1, n = tokens.length, d = c.dModel();
        TransformerWeights.Attention w = model.weights().layers().get(layer).attn();
        float[] x = cache.get(layer, HookNames.LN1_NORMALIZED).data();
        for (int h = 0; h < c.nHeads(); h++) {
            double[][] qk = HeadCircuits.qk(c, model.weights(), layer, h).product();
            double[][] ov = HeadCircuits.ov(c, model.weights(), layer, h).product();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double bilinear = 0;
                    for (int a = 0; a < d; a++) for (int b = 0; b < d; b++) bilinear += x[i * d + a] * qk[a][b] * x[j * d + b];
                    double expected = c.attnScale() * (bilinear + biasTerms(model, layer, h, x, i, j));
                    assertEquals(expected, cache.get(layer, HookNames.ATTN_SCORES).get(h, i, j), 1e-4);
                }
                for (int o = 0; o < d; o++) {
                    double expected = 0;
                    for (int j = 0; j <= i; j++) {
                        double p = cache.get(layer, HookNames.PATTERN).get(h, i, j);
                        for (int a = 0; a < d; a++) expected += p * ov[o][a] * x[j * d + a];
                    }
                    for (int e = 0; e < c.dHead(); e++) expected += w.wo().get(o, h * c.dHead() + e) * w.bv()[h * c.dHead() + e];
                    assertEquals(expected, cache.get(layer, HookNames.RESULT).get(i, h, o), 1e-4);
                }
            }
        }
    }

    /** x_i^T W_Q^T b_k + b_q^T W_K x_j + b_q . b_k */
    private static double biasTerms(Transformer model, int layer, int h, float[] x, int i, int j) {
        TransformerConfig c = model.config();
        TransformerWeights.Attention w = model.weights().layers().get(layer).attn();
        int d = c.dModel(), e = c.dHead(), g = h / c.groupSize();
        double sum = 0;
        for (int r = 0; r < e; r++) {
            double q = 0, k = 0;
            for (int a = 0; a < d; a++) {
                q += w.wq().get(h * e + r, a) * x[i * d + a];
                k += w.wk().get(g * e + r, a) * x[j * d + a];
            }
            double bq = w.bq()[h * e + r], bk = w.bk()[g * e + r];
            sum += q * bk + bq * k + bq * bk;
        }
        return sum;
    }

    /** Giving each query head its own copy of its key/value head computes the same function. */
    @Test
    void kvExpansionIsExact() {
        TransformerConfig c = RandomModels.llama();
        assertTrue(c.groupSize() > 1);
        Transformer model = RandomModels.model(c, 5).transformer();
        Transformer wide = KvExpansion.expand(model);
        assertEquals(c.nHeads(), wide.config().nKvHeads());
        int[] tokens = RandomModels.tokens(c, 9, 6);
        float[][] a = model.forward(tokens), b = wide.forward(tokens);
        for (int i = 0; i < a.length; i++) assertArrayEquals(a[i], b[i], 1e-5f);
        assertTrue(KvExpansion.expand(wide) == wide);
    }

    /**
     * Projecting one head's keys in a GQA model changes that head's pattern only, even though it shares its
     * key head; at k = d_head (a generic head uses all of it) nothing changes; the curve ends at zero.
     */
    @Test
    void projectionEditsOneHeadOnly() {
        TransformerConfig c = RandomModels.llama();
        Transformer model = RandomModels.model(c, 8).transformer();
        int[] tokens = RandomModels.tokens(c, 10, 9);
        Transformer wide = KvExpansion.expand(model);
        Svd svd = HeadCircuits.qk(c, model.weights(), 0, 1).svd();
        Transformer edited = HeadProjection.apply(wide, 0, 1, Subspace.KEY, svd.v(), 1);
        CachedRun before = model.runWithCache(tokens, n -> n.equals("blocks.0.attn.hook_pattern"));
        CachedRun after = edited.runWithCache(tokens, n -> n.equals("blocks.0.attn.hook_pattern"));
        var p0 = before.cache().get(0, HookNames.PATTERN);
        var p1 = after.cache().get(0, HookNames.PATTERN);
        double otherHeads = 0, thisHead = 0;
        for (int h = 0; h < c.nHeads(); h++) {
            for (int i = 0; i < tokens.length; i++) {
                for (int j = 0; j <= i; j++) {
                    double diff = Math.abs(p0.get(h, i, j) - p1.get(h, i, j));
                    if (h == 1) thisHead = Math.max(thisHead, diff); else otherHeads = Math.max(otherHeads, diff);
                }
            }
        }
        assertEquals(0, otherHeads, 1e-6);
        assertTrue(thisHead > 1e-3, "head 1 changed by " + thisHead);

        Compression compression = new Compression(model, List.of(tokens, RandomModels.tokens(c, 7, 10)), 0);
        for (Subspace s : Subspace.values()) {
            CompressionCurve curve = compression.curve(0, 1, s);
            assertEquals(c.dHead() + 1, curve.points().size());
            CompressionPoint full = curve.points().getLast(), none = curve.points().getFirst();
            assertEquals(0, full.change().maxLogitChange(), 1e-4, s.toString());
            assertEquals(0, full.headChange(), 1e-4, s.toString());
            assertTrue(none.change().meanKl() > 0 && none.headChange() > 1e-3, s + " " + none);
            assertEquals(c.dHead(), curve.rank());
            int smallest = curve.smallestKWithin(1e-6);
            assertTrue(smallest >= 1 && smallest <= c.dHead(), s + " " + smallest);
        }
    }
}
