package dev.glassbox.interp.attribution;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.interp.PositionOutOfRangeException;
import dev.glassbox.interp.cache.CacheFilter;
import dev.glassbox.interp.cache.Caching;
import dev.glassbox.interp.cache.FinalNorm;
import dev.glassbox.model.CachedRun;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerWeights.LayerWeights;
import dev.glassbox.model.hooks.Activation;
import dev.glassbox.model.hooks.HookNames;
import dev.glassbox.tensor.WeightMatrix;
import java.util.ArrayList;
import java.util.List;

/**
 * Direct logit attribution: how much each component, through the residual stream alone (not through
 * later layers), moves the target. With the final norm's scale s frozen from the run (see
 * {@link FinalNorm#pullBack}), the target is linear in the residual stream:
 * <pre>
 *   target(p) = u . norm(x_p) = e_p . x_p = sum_c e_p . x_c(p)       e_p = pullBack(u, s_p)
 *   neuron n of block L:   e_p . (post_Ln(p) W_out[:, n]) = post_Ln(p) (W_out^T e_p)_n
 * </pre>
 * Biases are summed apart. With post-norms (Gemma 2) only the per-layer split is exact, biases included.
 */
public final class DirectLogitAttribution {
    private DirectLogitAttribution() {}

    public static CacheFilter cacheFilter(Transformer model, AttributionLevel level) {
        int last = model.config().nLayers() - 1;
        CacheFilter f = CacheFilter.names(HookNames.EMBED, HookNames.POS_EMBED, HookNames.FINAL_NORMALIZED,
                HookNames.block(last, HookNames.RESID_POST));
        f = f.or(CacheFilter.suffix(HookNames.ATTN_OUT)).or(CacheFilter.suffix(HookNames.MLP_OUT));
        if (level != AttributionLevel.LAYER) f = f.or(CacheFilter.suffix(HookNames.RESULT));
        if (level == AttributionLevel.NEURON) f = f.or(CacheFilter.suffix(HookNames.MLP_POST));
        return f;
    }

    /** Runs the model with the activations it needs cached, then attributes. */
    public static Attribution attribute(Transformer model, int[] tokens, int position, LogitTarget target,
            String targetLabel, AttributionLevel level, boolean centred) {
        CachedRun run = Caching.run(model, tokens, cacheFilter(model, level));
        return attribute(model, run, position, target, targetLabel, level, centred);
    }

    /** Attribution over a run that cached {@link #cacheFilter}. */
    public static Attribution attribute(Transformer model, CachedRun run, int position, LogitTarget target,
            String targetLabel, AttributionLevel level, boolean centred) {
        TransformerConfig c = model.config();
        if (c.postNorms() && level != AttributionLevel.LAYER) {
            throw new InvalidInputException("this model normalises each sublayer's output after summing it (post-norms),"
                    + " so heads and neurons do not add up to the logits; attribute per layer instead");
        }
        int d = c.dModel();
        Activation residual = run.cache().get(HookNames.block(c.nLayers() - 1, HookNames.RESID_POST));
        PositionOutOfRangeException.check("attribution", position, residual.dim(0));
        double[] u = target.direction(model, centred);
        FinalNorm norm = new FinalNorm(model);
        double[] e = norm.pullBack(u, norm.scale(residual.data(), position * d));

        List<ComponentScore> scores = new ArrayList<>();
        scores.add(new ComponentScore("embed", dot(e, run.cache().get(HookNames.EMBED).data(), position * d)));
        scores.add(new ComponentScore("pos_embed", dot(e, run.cache().get(HookNames.POS_EMBED).data(), position * d)));
        double biases = 0;
        for (int l = 0; l < c.nLayers(); l++) {
            LayerWeights w = model.weights().layers().get(l);
            double attnBias = c.postNorms() ? 0 : dot(e, w.attn().bo(), 0);
            double mlpBias = c.postNorms() ? 0 : dot(e, w.mlp().bOut(), 0);
            biases += attnBias + mlpBias;
            if (level == AttributionLevel.LAYER) {
                double attn = dot(e, run.cache().get(l, HookNames.ATTN_OUT).data(), position * d);
                scores.add(new ComponentScore("blocks." + l + ".attn", attn - attnBias));
            } else {
                Activation result = run.cache().get(l, HookNames.RESULT);
                for (int h = 0; h < c.nHeads(); h++) {
                    double dla = dot(e, result.data(), (position * c.nHeads() + h) * d);
                    scores.add(new ComponentScore("blocks." + l + ".attn.head." + h, dla));
                }
            }
            if (level == AttributionLevel.NEURON) {
                addNeurons(w.mlp().wOut(), run.cache().get(l, HookNames.MLP_POST), position, e, l, scores);
            } else {
                double mlp = dot(e, run.cache().get(l, HookNames.MLP_OUT).data(), position * d);
                scores.add(new ComponentScore("blocks." + l + ".mlp", mlp - mlpBias));
            }
        }
        float[] normalized = run.cache().get(HookNames.FINAL_NORMALIZED).data();
        double logit = dot(u, normalized, position * d);
        return new Attribution(targetLabel, position, level, centred, scores, biases, logit, c.finalSoftcap() > 0);
    }

    /** post_n * (W_out^T e)_n for every neuron n, with W_out^T e accumulated row by row. */
    private static void addNeurons(WeightMatrix wOut, Activation post, int position, double[] e, int layer,
            List<ComponentScore> scores) {
        int dMlp = wOut.cols();
        double[] readOut = new double[dMlp];
        float[] row = new float[dMlp];
        for (int r = 0; r < wOut.rows(); r++) {
            wOut.copyRow(r, row, 0);
            for (int n = 0; n < dMlp; n++) readOut[n] += e[r] * row[n];
        }
        for (int n = 0; n < dMlp; n++) {
            scores.add(new ComponentScore("blocks." + layer + ".mlp.neuron." + n,
                    post.data()[position * dMlp + n] * readOut[n]));
        }
    }

    private static double dot(double[] e, float[] x, int off) {
        if (x == null) return 0;
        double sum = 0;
        for (int i = 0; i < e.length; i++) sum += e[i] * x[off + i];
        return sum;
    }
}
