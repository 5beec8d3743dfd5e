package dev.glassbox.interp.gradient;

import dev.glassbox.interp.names.Component;
import dev.glassbox.interp.patching.Site;
import dev.glassbox.interp.patching.Sites;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.hooks.Activation;
import dev.glassbox.model.hooks.HookNames;
import java.util.ArrayList;
import java.util.List;

/**
 * One term of an attribution estimate: the band of {@code site} that a patch would overwrite, paired
 * with the gradient it is read against. For one site that is the site's own gradient. A whole block
 * patches hook_attn_out and hook_mlp_out together, so the MLP cannot pass on a change of the attention
 * output: with the MLP's output held, ∂m/∂attn_out is ∂m/∂resid_post, and so is ∂m/∂mlp_out; both
 * terms are read against resid_post.
 */
record SiteTerm(Site site, String gradientHook) {

    static List<SiteTerm> of(Component component, TransformerConfig config) {
        List<SiteTerm> terms = new ArrayList<>();
        for (Site site : Sites.of(component, config)) {
            String gradient = component instanceof Component.Block b
                    ? HookNames.block(b.layer(), HookNames.RESID_POST)
                    : site.hook();
            terms.add(new SiteTerm(site, gradient));
        }
        return terms;
    }

    /**
     * Σ over the band and the positions (one, or all when null) of (source − patched) · gradient: the
     * first-order change of the metric when the patched run's band takes the source run's values.
     */
    double estimate(Integer position, Activation source, Activation patched, Activation gradient) {
        int positions = patched.dim(0), row = patched.size() / positions;
        int from = position == null ? 0 : position, to = position == null ? positions : position + 1;
        float[] s = source.data(), p = patched.data(), g = gradient.data();
        double sum = 0;
        for (int pos = from; pos < to; pos++) {
            int base = pos * row + site.offset();
            for (int e = base; e < base + site.length(); e++) sum += ((double) s[e] - p[e]) * g[e];
        }
        return sum;
    }
}
