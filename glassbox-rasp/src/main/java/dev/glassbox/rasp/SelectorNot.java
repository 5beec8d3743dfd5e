package dev.glassbox.rasp;

import java.util.List;
import java.util.Objects;

/** Element-wise negation of a selector (built by {@link Rasp#selectorNot} when the inner is not a Select). */
public final class SelectorNot extends Selector {
    private final Selector inner;

    public SelectorNot(Selector inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    public Selector inner() {
        return inner;
    }

    @Override
    public List<RaspExpr> children() {
        return List.of(inner);
    }

    @Override
    public String defaultName() {
        return "selector_not";
    }
}
