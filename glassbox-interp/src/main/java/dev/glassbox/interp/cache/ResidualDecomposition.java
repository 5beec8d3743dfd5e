package dev.glassbox.interp.cache;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.model.CachedRun;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.hooks.Activation;
import dev.glassbox.model.hooks.HookNames;
import java.util.ArrayList;
import java.util.List;

/**
 * The residual stream as the sum of what each component wrote (TransformerLens's decompose_resid and
 * stack_head_results). Entering block L:
 * <pre>
 *   resid_pre_L = embed + pos_embed + sum_{l < L} (attn_out_l + mlp_out_l)
 *   attn_out_l  = sum_h result_lh + b_O          (without post-norms)
 * </pre>
 * With Gemma 2's post-norms the attention output is normalised after the heads are summed, so heads do
 * not add up and only {@link DecompositionLevel#LAYER} is exact; asking for heads is then an error.
 */
public final class ResidualDecomposition {
    private ResidualDecomposition() {}

    /** The hooks a run must cache for {@link #decompose} at this level. */
    public static CacheFilter cacheFilter(DecompositionLevel level) {
        CacheFilter sublayers = CacheFilter.suffix(HookNames.ATTN_OUT).or(CacheFilter.suffix(HookNames.MLP_OUT));
        CacheFilter base = CacheFilter.names(HookNames.EMBED, HookNames.POS_EMBED).or(sublayers)
                .or(CacheFilter.suffix(HookNames.RESID_PRE)).or(CacheFilter.suffix(HookNames.RESID_POST));
        return level == DecompositionLevel.HEAD ? base.or(CacheFilter.suffix(HookNames.RESULT)) : base;
    }

    /** The final residual stream (after the last block, before the final norm), decomposed. */
    public static Decomposition decompose(Transformer model, CachedRun run, DecompositionLevel level) {
        return decompose(model, run, level, model.config().nLayers());
    }

    /**
     * The residual stream entering block {@code layer} ({@code nLayers} for the final one), decomposed.
     *
     * @throws InvalidInputException when the level is not exact for this model (heads with post-norms)
     */
    public static Decomposition decompose(Transformer model, CachedRun run, DecompositionLevel level, int layer) {
        TransformerConfig c = model.config();
        if (layer < 0 || layer > c.nLayers()) {
            throw new InvalidInputException("layer " + layer + " is out of range 0.." + c.nLayers() + " (" + c.nLayers()
                    + " is the final residual stream)");
        }
        if (level == DecompositionLevel.HEAD && c.postNorms()) {
            throw new InvalidInputException("this model normalises each attention output after summing its heads"
                    + " (post-norms), so heads do not add up to the residual stream; decompose per layer instead");
        }
        List<String> names = new ArrayList<>();
        List<Activation> parts = new ArrayList<>();
        names.add("embed");
        parts.add(run.cache().get(HookNames.EMBED));
        names.add("pos_embed");
        parts.add(run.cache().get(HookNames.POS_EMBED));
        for (int l = 0; l < layer; l++) {
            if (level == DecompositionLevel.HEAD) {
                addHeads(model, run, l, names, parts);
            } else {
                names.add("blocks." + l + ".attn");
                parts.add(run.cache().get(l, HookNames.ATTN_OUT));
            }
            names.add("blocks." + l + ".mlp");
            parts.add(run.cache().get(l, HookNames.MLP_OUT));
        }
        String stage = layer < c.nLayers() ? HookNames.block(layer, HookNames.RESID_PRE)
                : HookNames.block(c.nLayers() - 1, HookNames.RESID_POST);
        return new Decomposition(stage, names, parts);
    }

    /** result [pos][head][d] split into one [pos][d] part per head, then b_O (when the model has one). */
    private static void addHeads(Transformer model, CachedRun run, int layer, List<String> names, List<Activation> parts) {
        Activation result = run.cache().get(layer, HookNames.RESULT);
        int positions = result.dim(0), heads = result.dim(1), d = result.dim(2);
        for (int h = 0; h < heads; h++) {
            float[] part = new float[positions * d];
            for (int p = 0; p < positions; p++) System.arraycopy(result.data(), (p * heads + h) * d, part, p * d, d);
            names.add("blocks." + layer + ".attn.head." + h);
            parts.add(new Activation(new int[] {positions, d}, part));
        }
        float[] bias = model.weights().layers().get(layer).attn().bo();
        if (bias != null) {
            float[] part = new float[positions * d];
            for (int p = 0; p < positions; p++) System.arraycopy(bias, 0, part, p * d, d);
            names.add("blocks." + layer + ".attn.bias");
            parts.add(new Activation(new int[] {positions, d}, part));
        }
    }
}
