package dev.glassbox.interp.patching;

import dev.glassbox.model.CachedRun;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.hooks.HookRegistry;
import java.util.function.Predicate;

/** Runs a model and counts whole forward passes, so each engine can report what it cost. */
public final class ForwardCounter {
    private final Transformer model;
    private int passes;

    public ForwardCounter(Transformer model) {
        this.model = model;
    }

    public Transformer model() {
        return model;
    }

    public float[][] forward(int[] tokens, HookRegistry hooks) {
        passes++;
        return model.forward(tokens, hooks);
    }

    public CachedRun runWithCache(int[] tokens, Predicate<String> names) {
        passes++;
        return model.runWithCache(tokens, names);
    }

    public CachedRun runWithCache(int[] tokens, HookRegistry hooks, Predicate<String> names) {
        passes++;
        return model.runWithCache(tokens, hooks, names);
    }

    public int passes() {
        return passes;
    }
}
