package dev.glassbox.model.hooks;

import dev.glassbox.core.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Copies of the activations of one run, by hook name, in forward order. Usually obtained from
 * {@code Transformer.runWithCache}; analysis methods (logit lens, attribution) read it.
 */
public final class ActivationCache {
    private final HookNames names;
    private final Map<String, Activation> values = new LinkedHashMap<>();

    private ActivationCache(HookNames names) {
        this.names = names;
    }

    /**
     * An empty cache that fills during the next run with {@code registry}: a copy of every activation whose
     * name passes {@code filter}, taken after the hooks already in the registry have run (so it holds
     * what the model actually used).
     */
    public static ActivationCache recordOn(HookRegistry registry, Predicate<String> filter) {
        ActivationCache cache = new ActivationCache(registry.names());
        if (registry.names().all().stream().anyMatch(filter)) {
            registry.add(filter, (activation, name) -> {
                cache.values.put(name, activation.copy());
                return activation;
            });
        }
        return cache;
    }

    /**
     * The activation at {@code name}.
     *
     * @throws InvalidInputException when the name is no hook point (naming the closest ones) or the run
     *     did not cache it
     */
    public Activation get(String name) {
        Activation value = values.get(name);
        if (value != null) return value;
        if (!names.contains(name)) throw ClosestNames.unknownName(name, names.all());
        throw new InvalidInputException("'" + name + "' was not cached: the run's name filter left it out");
    }

    /** The activation at {@code blocks.<layer>.<suffix>}, e.g. {@code get(0, HookNames.PATTERN)}. */
    public Activation get(int layer, String suffix) {
        return get(HookNames.block(layer, suffix));
    }

    public boolean contains(String name) {
        return values.containsKey(name);
    }

    /** The cached names, in forward order. */
    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    public int size() {
        return values.size();
    }
}
