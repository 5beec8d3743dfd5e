package dev.glassbox.rasp;

import java.util.List;
import java.util.Objects;

/**
 * Applies a function to every position of one S-Op: {@code Map(f, x)[i] = f(x[i])} (None stays None).
 *
 * <p>Like Tracr, a Map of a Map is fused into one Map of the inner S-Op ({@code g ∘ f}) unless
 * {@code simplify} is false, so that it compiles to one MLP instead of two.
 */
public final class Map extends SOp {
    private final ValueFunction f;
    private final SOp inner;

    public Map(ValueFunction f, SOp inner) {
        this(f, inner, true);
    }

    public Map(ValueFunction f, SOp inner, boolean simplify) {
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(inner, "inner");
        if (simplify && inner instanceof Map m) {
            this.f = ValueFunction.compose(m.f, f);
            this.inner = m.inner;
        } else {
            this.f = f;
            this.inner = inner;
        }
    }

    public ValueFunction f() {
        return f;
    }

    public SOp inner() {
        return inner;
    }

    @Override
    public List<RaspExpr> children() {
        return List.of(inner);
    }

    @Override
    public String defaultName() {
        return "map";
    }
}
