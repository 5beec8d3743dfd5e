package dev.glassbox.model.grad;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.CachedRun;
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
 * <p>Only activation gradients: no weight gradients are formed (nothing here trains). The run is the
 * model's plain forward pass, without user hooks; to differentiate a patched run, patch the inputs.
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
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(keep, "keep");
        TransformerConfig config = model.config();
        HookNames names = HookNames.of(config.nLayers(), config.gatedMlp());
        Set<String> needed = ForwardRecord.needed(config, names);
        CachedRun run = model.runWithCache(tokens, keep.or(needed::contains));

        float[][] logits = run.logits();
        double value = metric.value(logits);
        float[] dLogits = flatten(metric.gradient(logits), logits);
        GradientSink sink = new GradientSink(keep);
        new BackwardPass(config, model.weights(), names, Kernels.preferred())
                .run(new ForwardRecord(run.cache()), flatten(logits, logits), dLogits, tokens.length, sink);
        return new GradientRun(logits, value, run.cache(), sink.inOrder(names.all()), names);
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
