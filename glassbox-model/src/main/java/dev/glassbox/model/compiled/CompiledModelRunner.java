package dev.glassbox.model.compiled;

import dev.glassbox.model.CachedRun;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.hooks.HookRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * Runs a {@link CompiledModel} on RASP inputs: encodes {@code [BOS] + input}, runs the one forward
 * pass, decodes each position's logits back to a RASP value. BOS's own output is not part of the result.
 */
public final class CompiledModelRunner {
    private final CompiledModel model;
    private final Transformer transformer;

    public CompiledModelRunner(CompiledModel model) {
        this.model = model;
        this.transformer = new Transformer(model.config(), model.weights());
    }

    public CompiledModel model() {
        return model;
    }

    public Transformer transformer() {
        return transformer;
    }

    /** The decoded output at every input position. */
    public List<Object> run(List<?> input) {
        return decode(transformer.forward(model.input().encode(input)));
    }

    /** The decoded output with hooks running (for ablations and patching). */
    public List<Object> run(List<?> input, HookRegistry hooks) {
        return decode(transformer.forward(model.input().encode(input), hooks));
    }

    /** A run that keeps the activations whose names pass {@code names}. */
    public CachedRun runWithCache(List<?> input, Predicate<String> names) {
        return transformer.runWithCache(model.input().encode(input), names);
    }

    /** Decodes logits [BOS + positions][outputs] to one value per input position. */
    public List<Object> decode(float[][] logits) {
        List<Object> out = new ArrayList<>(logits.length - 1);
        for (int p = 1; p < logits.length; p++) out.add(model.output().decode(logits[p]));
        return Collections.unmodifiableList(out);
    }

    /** The input as the vocabulary's values (what the RASP evaluator should see), e.g. "1" → 1. */
    public List<Object> canonicalInput(List<?> input) {
        int[] ids = model.input().encode(input);
        List<Object> out = new ArrayList<>(ids.length - 1);
        for (int p = 1; p < ids.length; p++) out.add(model.input().tokens().get(ids[p]));
        return out;
    }
}
