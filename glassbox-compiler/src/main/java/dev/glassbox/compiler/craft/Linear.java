package dev.glassbox.compiler.craft;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A linear map between vector spaces given by its action on basis directions: {@code from → to → weight}.
 * Sparse, and ordered as built, so that weights come out the same on every run. Also used for the
 * bilinear query-key form of an attention head ({@code query → key → score}).
 */
public final class Linear {
    private final LinkedHashMap<BasisDirection, LinkedHashMap<BasisDirection, Double>> rows = new LinkedHashMap<>();

    /** Adds {@code weight} to the entry (from, to). */
    public Linear add(BasisDirection from, BasisDirection to, double weight) {
        if (weight == 0) return this;
        rows.computeIfAbsent(from, k -> new LinkedHashMap<>()).merge(to, weight, Double::sum);
        return this;
    }

    /** Adds {@code scale} times every entry of {@code other}. */
    public Linear addAll(Linear other, double scale) {
        other.rows.forEach((from, row) -> row.forEach((to, w) -> add(from, to, w * scale)));
        return this;
    }

    public double get(BasisDirection from, BasisDirection to) {
        Map<BasisDirection, Double> row = rows.get(from);
        if (row == null) return 0;
        return row.getOrDefault(to, 0.0);
    }

    /** The image of one direction: to → weight (empty when it maps to zero). */
    public Map<BasisDirection, Double> row(BasisDirection from) {
        Map<BasisDirection, Double> row = rows.get(from);
        return row == null ? Map.of() : java.util.Collections.unmodifiableMap(row);
    }

    /** The directions with a non-zero image. */
    public Set<BasisDirection> sources() {
        return java.util.Collections.unmodifiableSet(rows.keySet());
    }

    /** Every entry, in insertion order. */
    public void forEach(Entry consumer) {
        rows.forEach((from, row) -> row.forEach((to, w) -> consumer.accept(from, to, w)));
    }

    @FunctionalInterface
    public interface Entry {
        void accept(BasisDirection from, BasisDirection to, double weight);
    }

    /** The same map with the roles of inputs and outputs exchanged. */
    public Linear transposed() {
        Linear t = new Linear();
        forEach((from, to, w) -> t.add(to, from, w));
        return t;
    }
}
