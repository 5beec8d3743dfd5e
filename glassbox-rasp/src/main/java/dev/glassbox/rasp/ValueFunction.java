package dev.glassbox.rasp;

import java.util.function.UnaryOperator;

/** The function of a {@link Map}: one value to one value. {@link #toString} describes it for people. */
@FunctionalInterface
public interface ValueFunction {
    Object apply(Object x);

    /** A function with a description, shown in errors, graphs and reports. */
    static ValueFunction of(String description, UnaryOperator<Object> f) {
        return new Described(description, f);
    }

    /** {@code g(f(x))}: the function of a Map fused with the Map it reads. */
    static ValueFunction compose(ValueFunction f, ValueFunction g) {
        return of(g + " ∘ " + f, x -> g.apply(f.apply(x)));
    }

    record Described(String description, UnaryOperator<Object> f) implements ValueFunction {
        @Override
        public Object apply(Object x) {
            return f.apply(x);
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
