package dev.glassbox.model.grad;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.model.hooks.Activation;
import dev.glassbox.model.hooks.ActivationCache;
import dev.glassbox.model.hooks.HookNames;
import java.util.List;
import java.util.Map;

/**
 * One forward and one backward pass: the logits, the metric's value, the cached forward activations,
 * and ∂metric/∂activation at the hook points that were kept, each with the shape of its activation
 * (so {@code activations().get(name)} and {@code gradient(name)} pair element by element).
 */
public final class GradientRun {
    private final float[][] logits;
    private final double metric;
    private final ActivationCache activations;
    private final Map<String, Activation> gradients;
    private final HookNames names;
    private final List<String> order;

    GradientRun(float[][] logits, double metric, ActivationCache activations, Map<String, Activation> gradients,
            HookNames names) {
        this.logits = logits;
        this.metric = metric;
        this.activations = activations;
        this.gradients = Map.copyOf(gradients);
        this.names = names;
        this.order = List.copyOf(gradients.keySet());
    }

    /** Logits [position][output] of the forward pass (the array itself). */
    public float[][] logits() {
        return logits;
    }

    /** The metric at these logits. */
    public double metric() {
        return metric;
    }

    /** The forward activations: those the backward pass needed and those whose gradients were kept. */
    public ActivationCache activations() {
        return activations;
    }

    /**
     * ∂metric/∂(the activation at {@code name}), every other hook point's value following from it as in
     * the forward pass.
     *
     * @throws InvalidInputException when the name is no hook point or its gradient was not kept
     */
    public Activation gradient(String name) {
        Activation g = gradients.get(name);
        if (g != null) return g;
        if (!names.contains(name)) {
            throw new InvalidInputException("'" + name + "' is not a hook point of this model; Transformer.hookNames() lists them");
        }
        throw new InvalidInputException("the gradient at '" + name + "' was not kept: the run's name filter left it out");
    }

    /** The gradient at {@code blocks.<layer>.<suffix>}. */
    public Activation gradient(int layer, String suffix) {
        return gradient(HookNames.block(layer, suffix));
    }

    public boolean hasGradient(String name) {
        return gradients.containsKey(name);
    }

    /** The names with a kept gradient, in forward order. */
    public List<String> gradientNames() {
        return order;
    }
}
