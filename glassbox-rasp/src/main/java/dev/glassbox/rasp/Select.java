package dev.glassbox.rasp;

import java.util.List;
import java.util.Objects;

/** {@code Select(keys, queries, p)[q][k] = p(keys[k], queries[q])}. */
public final class Select extends Selector {
    private final SOp keys;
    private final SOp queries;
    private final SelectPredicate predicate;

    public Select(SOp keys, SOp queries, SelectPredicate predicate) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.queries = Objects.requireNonNull(queries, "queries");
        this.predicate = Objects.requireNonNull(predicate, "predicate");
    }

    public SOp keys() {
        return keys;
    }

    public SOp queries() {
        return queries;
    }

    public SelectPredicate predicate() {
        return predicate;
    }

    @Override
    public List<RaspExpr> children() {
        return List.of(keys, queries);
    }

    @Override
    public String defaultName() {
        return "select";
    }
}
