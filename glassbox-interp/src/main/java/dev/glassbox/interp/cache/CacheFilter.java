package dev.glassbox.interp.cache;

import dev.glassbox.core.Closest;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.interp.UnknownNameException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which activations a run keeps, checked against the model's hook names before the run, so a typo is an
 * error that names the closest hooks rather than an empty cache.
 *
 * <pre>{@code
 * CacheFilter.names("blocks.0.attn.hook_pattern")     // exactly these hooks
 * CacheFilter.layers(0, 2)                            // every hook of blocks 0 and 2
 * CacheFilter.suffix("attn.hook_z")                   // that hook in every block
 * CacheFilter.layers(1).and(CacheFilter.suffix("hook_resid_post"))
 * }</pre>
 */
public final class CacheFilter {
    private final Function<List<String>, Predicate<String>> resolver;

    private CacheFilter(Function<List<String>, Predicate<String>> resolver) {
        this.resolver = resolver;
    }

    public static CacheFilter all() {
        return new CacheFilter(names -> name -> true);
    }

    /** Exactly the named hooks. */
    public static CacheFilter names(String... names) {
        return names(Arrays.asList(names));
    }

    public static CacheFilter names(Collection<String> wanted) {
        List<String> copy = List.copyOf(wanted);
        return new CacheFilter(valid -> {
            for (String name : copy) {
                if (!valid.contains(name)) {
                    throw new UnknownNameException("hook name", name, Closest.to(name, valid, 3),
                            "the model has " + valid.size() + " hook points");
                }
            }
            Set<String> set = Set.copyOf(copy);
            return set::contains;
        });
    }

    /** Every hook of the given blocks ({@code blocks.L.*}). */
    public static CacheFilter layers(int... layers) {
        int[] copy = layers.clone();
        return new CacheFilter(valid -> {
            int nLayers = (int) valid.stream().filter(n -> n.endsWith(".hook_resid_pre")).count();
            List<String> prefixes = new ArrayList<>();
            for (int layer : copy) {
                if (layer < 0 || layer >= nLayers) {
                    throw new InvalidInputException("layer " + layer + " is out of range: the model has " + nLayers
                            + " layers, 0.." + (nLayers - 1));
                }
                prefixes.add("blocks." + layer + ".");
            }
            return name -> prefixes.stream().anyMatch(name::startsWith);
        });
    }

    /** Every hook whose name ends with {@code suffix}, e.g. {@code hook_pattern} for all layers' patterns. */
    public static CacheFilter suffix(String suffix) {
        return new CacheFilter(valid -> {
            if (valid.stream().noneMatch(n -> n.endsWith(suffix))) {
                throw new UnknownNameException("hook suffix", suffix, Closest.to(suffix, valid, 3),
                        "no hook name ends with it");
            }
            return name -> name.endsWith(suffix);
        });
    }

    /** Hooks that both filters keep. */
    public CacheFilter and(CacheFilter other) {
        return new CacheFilter(valid -> resolve(valid).and(other.resolve(valid)));
    }

    /** Hooks that either filter keeps. */
    public CacheFilter or(CacheFilter other) {
        return new CacheFilter(valid -> resolve(valid).or(other.resolve(valid)));
    }

    /**
     * The predicate over one model's hook names.
     *
     * @throws UnknownNameException for a name the model does not have
     */
    public Predicate<String> resolve(List<String> hookNames) {
        return resolver.apply(hookNames);
    }
}
