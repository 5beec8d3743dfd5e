package dev.glassbox.model.grad;

import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerConfig.Norm;
import dev.glassbox.model.hooks.ActivationCache;
import dev.glassbox.model.hooks.HookNames;
import dev.glassbox.model.hooks.LayerHookNames;
import java.util.HashSet;
import java.util.Set;

/**
 * The forward activations the backward pass reads, taken from a cached run: the inputs of the norms
 * (resid_pre, resid_mid, the last resid_post), the rotated queries and keys, the values, the pattern,
 * the capped scores (their derivative is 1 − (s/c)²), the MLP pre-activations, and, for post-norms, the
 * points from which a sublayer's output before its post-norm is rebuilt (hook_result, mlp.hook_post).
 */
final class ForwardRecord {
    private final ActivationCache cache;

    ForwardRecord(ActivationCache cache) {
        this.cache = cache;
    }

    /** The live cached data (not copied; the backward pass only reads it). */
    float[] get(String name) {
        return cache.get(name).data();
    }

    /** The same, or null when the run did not cache it (a norm's input, when there is no norm). */
    float[] getOrNull(String name) {
        return cache.contains(name) ? cache.get(name).data() : null;
    }

    /** The hook points the backward pass of {@code config} needs cached. */
    static Set<String> needed(TransformerConfig config, HookNames names) {
        Set<String> needed = new HashSet<>();
        for (int layer = 0; layer < config.nLayers(); layer++) {
            LayerHookNames at = names.layer(layer);
            needed.add(at.rotQ());
            needed.add(at.rotK());
            needed.add(at.v());
            needed.add(at.pattern());
            needed.add(at.mlpPre());
            if (config.gatedMlp()) needed.add(at.mlpPreLinear());
            if (config.attnSoftcap() > 0) needed.add(at.attnScores());
            if (config.norm() != Norm.NONE) {
                needed.add(at.residPre());
                needed.add(at.residMid());
            }
            if (config.postNorms()) {
                needed.add(at.result());
                needed.add(at.mlpPost());
            }
        }
        if (config.norm() != Norm.NONE) needed.add(names.layer(config.nLayers() - 1).residPost());
        return needed;
    }
}
