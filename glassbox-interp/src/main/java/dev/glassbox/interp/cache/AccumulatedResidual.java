package dev.glassbox.interp.cache;

import dev.glassbox.model.CachedRun;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.hooks.Activation;
import dev.glassbox.model.hooks.HookNames;
import java.util.ArrayList;
import java.util.List;

/**
 * The residual stream as it accumulates, layer by layer (TransformerLens's accumulated_resid): entering
 * each block, optionally also between its attention and MLP, and after the last block.
 */
public final class AccumulatedResidual {
    private AccumulatedResidual() {}

    /** One point of the residual stream: its hook name and value [position][dModel]. */
    public record Stage(String hook, Activation value) {
        /** A short label: {@code 0_pre}, {@code 0_mid}, ..., {@code final} (TransformerLens's labels). */
        public String label() {
            if (hook.endsWith(HookNames.RESID_POST)) return "final";
            String layer = hook.substring("blocks.".length(), hook.indexOf('.', "blocks.".length()));
            return layer + (hook.endsWith(HookNames.RESID_MID) ? "_mid" : "_pre");
        }
    }

    public static CacheFilter cacheFilter() {
        return CacheFilter.suffix(HookNames.RESID_PRE).or(CacheFilter.suffix(HookNames.RESID_MID))
                .or(CacheFilter.suffix(HookNames.RESID_POST));
    }

    public static List<Stage> stages(Transformer model, CachedRun run, boolean includeMid) {
        int n = model.config().nLayers();
        List<Stage> stages = new ArrayList<>();
        for (int l = 0; l < n; l++) {
            stages.add(stage(run, HookNames.block(l, HookNames.RESID_PRE)));
            if (includeMid) stages.add(stage(run, HookNames.block(l, HookNames.RESID_MID)));
        }
        stages.add(stage(run, HookNames.block(n - 1, HookNames.RESID_POST)));
        return stages;
    }

    private static Stage stage(CachedRun run, String hook) {
        return new Stage(hook, run.cache().get(hook));
    }
}
