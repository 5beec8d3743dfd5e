package dev.glassbox.model.grad;

import dev.glassbox.model.hooks.Activation;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Where the backward pass leaves the gradient of each hook point it passes. Only the names the caller
 * asked for are kept, each as its own copy, so the backward pass may go on using its arrays.
 */
final class GradientSink {
    private final Predicate<String> keep;
    private final Map<String, Activation> kept = new HashMap<>();

    GradientSink(Predicate<String> keep) {
        this.keep = keep;
    }

    /** Whether a gradient at {@code name} will be kept (so whether it is worth building). */
    boolean wants(String name) {
        return name != null && keep.test(name);
    }

    void put(String name, float[] gradient, int... shape) {
        if (wants(name)) kept.put(name, new Activation(shape, gradient.clone()));
    }

    /** The kept gradients, ordered like {@code order} (the model's hook names in forward order). */
    Map<String, Activation> inOrder(List<String> order) {
        Map<String, Activation> ordered = new LinkedHashMap<>();
        for (String name : order) {
            Activation g = kept.get(name);
            if (g != null) ordered.put(name, g);
        }
        return ordered;
    }
}
