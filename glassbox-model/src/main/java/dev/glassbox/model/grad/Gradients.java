package dev.glassbox.model.grad;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.model.CachedRun;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.hooks.HookNames;
import dev.glassbox.tensor.kernels.Kernels;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reverse-mode differentiation of the forward pass with respect to its activations: one cached forward
 * run, then one backward pass that walks the blocks last to first and leaves ∂metric/∂activation at
 * every hook point (TransformerLens's names, the shapes of {@code HookNames}).
 *
 * <pre>{@code
 * GradientRun run = Gradients.compute(model, tokens, LogitMetric.logitDifference(5, paris, rome));
 * Activation dz = run.gradient("blocks.1.attn.hook_z");          // [pos][head][dHead]
 * Activation z = run.activations().get("blocks.1.attn.hook_z");  // the value it pairs with
 * }</pre>
 *
 * The two halves may also be run apart, when the caller runs (and counts) the forward pass itself:
 * <pre>{@code
 * CachedRun forward = model.runWithCache(tokens, Gradients.cacheFilter(model, keep));
 * GradientRun run = Gradients.backward(model, forward, metric, keep);
 * }</pre>
 *
 * <p>Only activation gradients: no weight gradients are formed (nothing here trains). The run
 * differentiated is the model's plain forward pass; hooks that change activations are not supported
 * (their effect would be treated as part of the input). To differentiate a patched run, patch the input.
 */
public final class Gradients {
    private Gradients() {}

    /** Gradients at every hook point. */
    public static GradientRun compute(Transformer model, int[] tokens, LogitMetric metric) {
        return compute(model, tokens, metric, name -> true);
    }

    /**
     * Gradients at the hook points whose names pass {@code keep}; the forward activations at those points
     * are cached too, beside what the backward pass itself needs.
     */
    public static GradientRun compute(Transformer model, int[] tokens, LogitMetric metric, Predicate<String> keep) {
        return backward(model, model.runWithCache(tokens, cacheFilter(model, keep)), metric, keep);
    }

    /** The names a forward run must cache for {@link #backward}: those passing {@code keep} and what it reads. */
    public static Predicate<String> cacheFilter(Transformer model, Predicate<String> keep) {
        Set<String> needed = ForwardRecord.needed(model.config(), names(model));
        return keep.or(needed::contains);
    }

    /**
     * The backward pass alone, over a plain (unhooked) forward run of {@code model} cached with
     * {@link #cacheFilter}.
     *
     * @throws InvalidInputException when the run lacks an activation the backward pass reads
     */
    public static GradientRun backward(Transformer model, CachedRun forward, LogitMetric metric, Predicate<String> keep) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(keep, "keep");
        TransformerConfig config = model.config();
        HookNames names = names(model);
        for (String name : ForwardRecord.needed(config, names)) {
            if (!forward.cache().contains(name)) {
                throw new InvalidInputException("the forward run did not cache '" + name + "', which the backward pass"
                        + " reads; run it with Gradients.cacheFilter(model, keep)");
            }
        }
        float[][] logits = forward.logits();
        double value = metric.value(logits);
        float[] dLogits = flatten(metric.gradient(logits), logits);
        GradientSink sink = new GradientSink(keep);
        new BackwardPass(config, model.weights(), names, Kernels.preferred())
                .run(new ForwardRecord(forward.cache()), flatten(logits, logits), dLogits, logits.length, sink);
        return new GradientRun(logits, value, forward.cache(), sink.inOrder(names.all()), names);
    }

    private static HookNames names(Transformer model) {
        return HookNames.of(model.config().nLayers(), model.config().gatedMlp());
    }

    private static float[] flatten(float[][] rows, float[][] like) {
        if (rows.length != like.length) {
            throw new InvalidInputException("the metric's gradient has " + rows.length + " rows; the logits have " + like.length);
        }
        int width = like[0].length;
        float[] flat = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != width) {
                throw new InvalidInputException("the metric's gradient row " + i + " has " + rows[i].length
                        + " entries; the logits have " + width);
            }
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        return flat;
    }
}
