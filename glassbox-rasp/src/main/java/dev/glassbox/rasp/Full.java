package dev.glassbox.rasp;

import java.util.List;

/**
 * The same value at every position. Evaluation only: the compiler has nothing to build it from,
 * except inside a Select, where Tracr's simplification folds it into the predicate.
 */
public final class Full extends SOp {
    private final Object fill;

    public Full(Object fill) {
        this.fill = Values.requireValue(fill);
    }

    public Object fill() {
        return fill;
    }

    @Override
    public List<RaspExpr> children() {
        return List.of();
    }

    @Override
    public String defaultName() {
        return "full";
    }
}
