package dev.glassbox.rasp;

import java.util.function.BinaryOperator;

/** The function of a {@link SequenceMap}: two values to one value. */
@FunctionalInterface
public interface ValueFunction2 {
    Object apply(Object x, Object y);

    static ValueFunction2 of(String description, BinaryOperator<Object> f) {
        return new Described(description, f);
    }

    record Described(String description, BinaryOperator<Object> f) implements ValueFunction2 {
        @Override
        public Object apply(Object x, Object y) {
            return f.apply(x, y);
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
