package dev.glassbox.interp.selfrepair;

import dev.glassbox.interp.cache.FinalNorm;
import dev.glassbox.model.CachedRun;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.hooks.Activation;
import dev.glassbox.model.hooks.HookNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads every part's direct effect on a target from one run: its output at position p, pushed through the
 * final norm at scale s and the (centred) unembedding direction u of the target:
 * <pre>
 *   DE_c = e . x_c(p)        e = pullBack(u, s)  (FinalNorm: w * u / s, centred for LayerNorm)
 * </pre>
 * Parts: {@code embed} (hook_embed + hook_pos_embed), each head (its hook_result row, before b_O), each
 * attention sublayer (hook_attn_out, b_O included) and each MLP (hook_mlp_out, b_out included). The
 * embeddings and sublayers sum to the final residual stream, so their DEs sum to e . x_final; the heads of a
 * layer sum to its attention sublayer minus e . b_O. Without heads (post-norms) only sublayers are read.
 */
final class DirectEffects {
    private final Transformer model;
    private final FinalNorm norm;
    private final List<Part> parts;
    private final boolean heads;

    DirectEffects(Transformer model) {
        this.model = model;
        this.norm = new FinalNorm(model);
        TransformerConfig c = model.config();
        this.heads = !c.postNorms();
        List<Part> list = new ArrayList<>();
        list.add(Part.embed());
        for (int l = 0; l < c.nLayers(); l++) {
            if (heads) for (int h = 0; h < c.nHeads(); h++) list.add(Part.head(l, h));
            list.add(Part.attn(l));
            list.add(Part.mlp(l));
        }
        this.parts = List.copyOf(list);
    }

    List<Part> parts() {
        return parts;
    }

    boolean heads() {
        return heads;
    }

    /** The hooks a run must cache for {@link #read}, {@link #scale} and {@link #logit}. */
    Set<String> hooks() {
        TransformerConfig c = model.config();
        Set<String> out = new LinkedHashSet<>(List.of(HookNames.EMBED, HookNames.POS_EMBED, HookNames.FINAL_NORMALIZED,
                finalResidual()));
        for (int l = 0; l < c.nLayers(); l++) {
            out.add(HookNames.block(l, HookNames.ATTN_OUT));
            out.add(HookNames.block(l, HookNames.MLP_OUT));
            if (heads) out.add(HookNames.block(l, HookNames.RESULT));
        }
        return out;
    }

    /** s, the final norm's scale of the run's last residual stream at p (1 without a norm). */
    double scale(CachedRun run, int p) {
        return norm.scale(run.cache().get(finalResidual()).data(), p * model.config().dModel());
    }

    /** e = pullBack(u, s): the residual direction whose dot product with x is u . norm(x) at scale s. */
    double[] readDirection(double[] u, double scale) {
        return norm.pullBack(u, scale);
    }

    /** u . norm(x_final(p)) as the run computed it: the target's (pre-soft-cap) logit. */
    double logit(CachedRun run, int p, double[] u) {
        return dot(u, run.cache().get(HookNames.FINAL_NORMALIZED).data(), p * u.length);
    }

    /** e . x_final(p): the logit the run would have with the scale behind {@code e}. */
    double logitAtScale(CachedRun run, int p, double[] e) {
        return dot(e, run.cache().get(finalResidual()).data(), p * e.length);
    }

    /** DE of every part, in the order of {@link #parts}. */
    double[] read(CachedRun run, int p, double[] e) {
        int d = e.length, nHeads = model.config().nHeads();
        double[] out = new double[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            out[i] = switch (part.kind()) {
                case EMBED -> dot(e, run.cache().get(HookNames.EMBED).data(), p * d)
                        + dot(e, run.cache().get(HookNames.POS_EMBED).data(), p * d);
                case HEAD -> dot(e, run.cache().get(part.layer(), HookNames.RESULT).data(), (p * nHeads + part.head()) * d);
                case ATTN -> dot(e, run.cache().get(part.layer(), HookNames.ATTN_OUT).data(), p * d);
                case MLP -> dot(e, run.cache().get(part.layer(), HookNames.MLP_OUT).data(), p * d);
            };
        }
        return out;
    }

    private String finalResidual() {
        return HookNames.block(model.config().nLayers() - 1, HookNames.RESID_POST);
    }

    private static double dot(double[] e, float[] x, int off) {
        double sum = 0;
        for (int i = 0; i < e.length; i++) sum += e[i] * x[off + i];
        return sum;
    }
}
