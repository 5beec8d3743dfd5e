package dev.glassbox.interp.selfrepair;

import dev.glassbox.interp.ablation.AblationKind;
import dev.glassbox.interp.names.Component;
import dev.glassbox.interp.patching.Patch;
import dev.glassbox.interp.patching.Site;
import dev.glassbox.interp.patching.Sites;
import dev.glassbox.model.CachedRun;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.hooks.Activation;
import dev.glassbox.model.hooks.HookNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What replaces an ablated part's output at every position, as one list of patches per run: zeros (one
 * run), the mean over a set of runs (one run), or each resample source's own value (one run per source).
 * A head is its band of hook_z, a sublayer its whole output, as in {@link Sites}.
 */
final class AblationPatches {
    private AblationPatches() {}

    /** The hooks the prompts and sources must cache so that any part can be ablated. */
    static Set<String> hooks(TransformerConfig c) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (int l = 0; l < c.nLayers(); l++) {
            out.add(HookNames.block(l, HookNames.Z));
            out.add(HookNames.block(l, HookNames.ATTN_OUT));
            out.add(HookNames.block(l, HookNames.MLP_OUT));
        }
        return out;
    }

    /**
     * @param own the prompt's clean run (for shapes)
     * @param sources resample sources, of the prompt's length
     * @param meanSet the runs averaged for mean ablation, of the prompt's length
     */
    static List<List<Patch>> of(Part part, AblationKind kind, TransformerConfig c, CachedRun own,
            List<CachedRun> sources, List<CachedRun> meanSet) {
        List<Site> sites = Sites.of(component(part), c);
        return switch (kind) {
            case ZERO -> List.of(patches(sites, site -> Activation.zeros(own.cache().get(site.hook()).shape())));
            case MEAN -> List.of(patches(sites, site -> mean(site.hook(), meanSet)));
            case RESAMPLE -> {
                List<List<Patch>> runs = new ArrayList<>();
                for (CachedRun s : sources) runs.add(patches(sites, site -> s.cache().get(site.hook())));
                yield runs;
            }
        };
    }

    private static Component component(Part part) {
        return switch (part.kind()) {
            case HEAD -> Component.head(part.layer(), part.head());
            case ATTN -> Component.attn(part.layer());
            case MLP -> Component.mlp(part.layer());
            case EMBED -> throw new IllegalArgumentException("the embeddings are read, not ablated, here");
        };
    }

    private static List<Patch> patches(List<Site> sites, java.util.function.Function<Site, Activation> values) {
        List<Patch> out = new ArrayList<>();
        for (Site site : sites) out.add(new Patch(site, null, values.apply(site)));
        return out;
    }

    /** The element-wise mean (1/n) sum_r a_r over runs of one length. */
    private static Activation mean(String hook, List<CachedRun> runs) {
        Activation first = runs.getFirst().cache().get(hook);
        float[] sum = new float[first.size()];
        for (CachedRun r : runs) {
            float[] a = r.cache().get(hook).data();
            for (int i = 0; i < sum.length; i++) sum[i] += a[i];
        }
        for (int i = 0; i < sum.length; i++) sum[i] /= runs.size();
        return new Activation(first.shape(), sum);
    }
}
