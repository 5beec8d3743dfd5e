package dev.glassbox.model.hooks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The hook points of one model, in TransformerLens's vocabulary and in the order a forward pass
 * reaches them.
 *
 * <p>Every model has the same points, whatever its configuration, so code written against a compiled
 * model runs unchanged on a real one. Points that a configuration leaves trivial still exist: without
 * learned positions {@code hook_pos_embed} is zeros (so {@code hook_embed + hook_pos_embed} is always
 * the first residual stream); without norms {@code ln1/ln2/ln_final.hook_normalized} equal their input;
 * without rotary positions {@code hook_rot_q/k} equal {@code hook_q/k}. The one exception is
 * {@code mlp.hook_pre_linear}, which exists only in gated MLPs, where it is the up-projection and
 * {@code mlp.hook_pre} is the gate's pre-activation (TransformerLens's convention).
 *
 * <p>Shapes, for a run over {@code pos} positions attending to {@code keys} positions: residual-stream
 * points [pos][dModel]; q, z, rot_q [pos][nHeads][dHead]; k, v, rot_k [pos][nKvHeads][dHead];
 * attn_scores, pattern [nHeads][pos][keys] (masked scores are -inf); result [pos][nHeads][dModel]
 * (head h's share of the attention output, before the output bias and any post-norm); mlp points
 * [pos][dMlp].
 */
public final class HookNames {
    public static final String EMBED = "hook_embed";
    public static final String POS_EMBED = "hook_pos_embed";
    public static final String FINAL_NORMALIZED = "ln_final.hook_normalized";

    // Suffixes of the per-layer points; the full name is block(layer, suffix).
    public static final String RESID_PRE = "hook_resid_pre";
    public static final String LN1_NORMALIZED = "ln1.hook_normalized";
    public static final String Q = "attn.hook_q";
    public static final String K = "attn.hook_k";
    public static final String V = "attn.hook_v";
    public static final String ROT_Q = "attn.hook_rot_q";
    public static final String ROT_K = "attn.hook_rot_k";
    public static final String ATTN_SCORES = "attn.hook_attn_scores";
    public static final String PATTERN = "attn.hook_pattern";
    public static final String Z = "attn.hook_z";
    public static final String RESULT = "attn.hook_result";
    public static final String ATTN_OUT = "hook_attn_out";
    public static final String RESID_MID = "hook_resid_mid";
    public static final String LN2_NORMALIZED = "ln2.hook_normalized";
    public static final String MLP_PRE = "mlp.hook_pre";
    public static final String MLP_PRE_LINEAR = "mlp.hook_pre_linear";
    public static final String MLP_POST = "mlp.hook_post";
    public static final String MLP_OUT = "hook_mlp_out";
    public static final String RESID_POST = "hook_resid_post";

    private final List<LayerHookNames> layers;
    private final List<String> all;
    private final Set<String> lookup;

    private HookNames(int nLayers, boolean gatedMlp) {
        List<LayerHookNames> perLayer = new ArrayList<>(nLayers);
        List<String> names = new ArrayList<>();
        names.add(EMBED);
        names.add(POS_EMBED);
        for (int layer = 0; layer < nLayers; layer++) {
            LayerHookNames l = LayerHookNames.of(layer, gatedMlp);
            perLayer.add(l);
            names.addAll(l.inOrder());
        }
        names.add(FINAL_NORMALIZED);
        this.layers = List.copyOf(perLayer);
        this.all = List.copyOf(names);
        this.lookup = Collections.unmodifiableSet(new LinkedHashSet<>(names));
    }

    public static HookNames of(int nLayers, boolean gatedMlp) {
        return new HookNames(nLayers, gatedMlp);
    }

    /** The full name of a per-layer point: {@code blocks.<layer>.<suffix>}. */
    public static String block(int layer, String suffix) {
        return "blocks." + layer + "." + suffix;
    }

    /** Every name, in forward order. */
    public List<String> all() {
        return all;
    }

    public boolean contains(String name) {
        return lookup.contains(name);
    }

    public LayerHookNames layer(int layer) {
        return layers.get(layer);
    }

    public int layerCount() {
        return layers.size();
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof HookNames h && h.all.equals(all);
    }

    @Override
    public int hashCode() {
        return all.hashCode();
    }
}
