package dev.glassbox.model.hooks;

import static dev.glassbox.model.hooks.HookNames.block;

import java.util.ArrayList;
import java.util.List;

/**
 * The full hook names of one block, built once so the forward pass does not concatenate strings.
 * {@code mlpPreLinear} is null when the MLP is not gated.
 */
public record LayerHookNames(
        String residPre, String ln1Normalized,
        String q, String k, String v, String rotQ, String rotK,
        String attnScores, String pattern, String z, String result,
        String attnOut, String residMid, String ln2Normalized,
        String mlpPre, String mlpPreLinear, String mlpPost, String mlpOut, String residPost) {

    static LayerHookNames of(int layer, boolean gatedMlp) {
        return new LayerHookNames(
                block(layer, HookNames.RESID_PRE), block(layer, HookNames.LN1_NORMALIZED),
                block(layer, HookNames.Q), block(layer, HookNames.K), block(layer, HookNames.V),
                block(layer, HookNames.ROT_Q), block(layer, HookNames.ROT_K),
                block(layer, HookNames.ATTN_SCORES), block(layer, HookNames.PATTERN),
                block(layer, HookNames.Z), block(layer, HookNames.RESULT),
                block(layer, HookNames.ATTN_OUT), block(layer, HookNames.RESID_MID),
                block(layer, HookNames.LN2_NORMALIZED),
                block(layer, HookNames.MLP_PRE), gatedMlp ? block(layer, HookNames.MLP_PRE_LINEAR) : null,
                block(layer, HookNames.MLP_POST), block(layer, HookNames.MLP_OUT),
                block(layer, HookNames.RESID_POST));
    }

    /** The names in the order the forward pass reaches them. */
    List<String> inOrder() {
        List<String> names = new ArrayList<>(List.of(residPre, ln1Normalized, q, k, v, rotQ, rotK,
                attnScores, pattern, z, result, attnOut, residMid, ln2Normalized, mlpPre));
        if (mlpPreLinear != null) names.add(mlpPreLinear);
        names.addAll(List.of(mlpPost, mlpOut, residPost));
        return names;
    }
}
