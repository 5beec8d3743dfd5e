package dev.glassbox.interp.cache;

import dev.glassbox.model.CachedRun;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.hooks.HookRegistry;

/** Run with cache, the activations chosen by a checked {@link CacheFilter} (TransformerLens's run_with_cache). */
public final class Caching {
    private Caching() {}

    public static CachedRun run(Transformer model, int[] tokens, CacheFilter filter) {
        return run(model, tokens, model.newHooks(), filter);
    }

    /** The same with {@code hooks} running (the cache holds what the hooks left). */
    public static CachedRun run(Transformer model, int[] tokens, HookRegistry hooks, CacheFilter filter) {
        return model.runWithCache(tokens, hooks, filter.resolve(model.hookNames()));
    }
}
