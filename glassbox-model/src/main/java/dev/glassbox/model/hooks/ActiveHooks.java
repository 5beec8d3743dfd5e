package dev.glassbox.model.hooks;

import dev.glassbox.core.InvalidInputException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hooks of one run, frozen at its start. The forward pass asks {@link #wants} before computing
 * anything that exists only for hooks, and passes each activation through {@link #fire}.
 */
public final class ActiveHooks {
    public static final ActiveHooks NONE = new ActiveHooks(Map.of());

    private final Map<String, Hook[]> byName;

    ActiveHooks(Map<String, List<Hook>> byName) {
        this.byName = new HashMap<>();
        byName.forEach((name, hooks) -> this.byName.put(name, hooks.toArray(Hook[]::new)));
    }

    public boolean wants(String name) {
        return byName.containsKey(name);
    }

    /**
     * Runs the hooks at {@code name} over {@code data} viewed with {@code shape}, and returns the array
     * the run continues with: {@code data} itself (perhaps changed in place) or a hook's replacement.
     *
     * @throws InvalidInputException when a hook returns an activation of another shape
     */
    public float[] fire(String name, float[] data, int... shape) {
        Hook[] hooks = byName.get(name);
        if (hooks == null) return data;
        Activation current = new Activation(shape, data);
        for (Hook hook : hooks) {
            Activation returned = hook.apply(current, name);
            if (returned == null || returned == current) continue;
            if (!returned.hasShape(shape)) {
                throw new InvalidInputException("a hook at " + name + " returned an activation of shape "
                        + Arrays.toString(returned.shape()) + "; it must keep the shape " + Arrays.toString(shape));
            }
            current = returned;
        }
        return current.data();
    }
}
