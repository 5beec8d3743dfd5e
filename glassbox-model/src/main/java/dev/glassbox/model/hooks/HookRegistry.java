package dev.glassbox.model.hooks;

import dev.glassbox.core.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The hooks for runs of one model. The model itself holds no hooks: a run gets them by being passed a
 * registry, so a model is never left changed by a run, and two threads can run one model with different
 * registries. A registry itself is not thread-safe.
 *
 * <pre>{@code
 * HookRegistry hooks = model.newHooks();
 * try (HookHandle h = hooks.add("blocks.0.attn.hook_pattern", (pattern, name) -> { ...; return pattern; })) {
 *     float[][] logits = model.forward(tokens, hooks);
 * }
 * }</pre>
 *
 * Hooks at one point run in the order they were added, each seeing what the previous one returned.
 */
public final class HookRegistry {
    private final HookNames names;
    private final List<Entry> entries = new ArrayList<>();

    private record Entry(String name, Hook hook, Object owner) {}

    public HookRegistry(HookNames names) {
        this.names = Objects.requireNonNull(names, "names");
    }

    /** The hook points this registry accepts. */
    public HookNames names() {
        return names;
    }

    /**
     * Adds {@code hook} at one point.
     *
     * @throws dev.glassbox.core.InvalidInputException when the name is not a hook point of the model; the
     *     message names the closest valid ones
     */
    public HookHandle add(String name, Hook hook) {
        Objects.requireNonNull(hook, "hook");
        if (!names.contains(name)) throw ClosestNames.unknownName(name, names.all());
        return register(List.of(name), hook);
    }

    /**
     * Adds {@code hook} at every point whose name passes {@code filter}, e.g.
     * {@code name -> name.endsWith("hook_pattern")}. One handle removes them all.
     *
     * @throws dev.glassbox.core.InvalidInputException when no point passes, which is almost always a typo
     */
    public HookHandle add(Predicate<String> filter, Hook hook) {
        Objects.requireNonNull(hook, "hook");
        List<String> matching = names.all().stream().filter(filter).toList();
        if (matching.isEmpty()) {
            throw new InvalidInputException(
                    "no hook name passes the filter; Transformer.hookNames() lists the " + names.all().size() + " names");
        }
        return register(matching, hook);
    }

    private HookHandle register(List<String> at, Hook hook) {
        Object owner = new Object();
        for (String name : at) entries.add(new Entry(name, hook, owner));
        return () -> entries.removeIf(e -> e.owner == owner);
    }

    /** Number of (point, hook) pairs registered. */
    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** A registry with the same hooks, whose later changes do not affect this one. */
    public HookRegistry copy() {
        HookRegistry copy = new HookRegistry(names);
        copy.entries.addAll(entries);
        return copy;
    }

    /** A frozen view for one run: hooks added or removed during the run take effect on the next one. */
    public ActiveHooks activate() {
        Map<String, List<Hook>> byName = new LinkedHashMap<>();
        for (Entry e : entries) byName.computeIfAbsent(e.name, n -> new ArrayList<>()).add(e.hook);
        return new ActiveHooks(byName);
    }
}
