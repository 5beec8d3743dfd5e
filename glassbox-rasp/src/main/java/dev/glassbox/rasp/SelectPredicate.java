package dev.glassbox.rasp;

import java.util.function.BiPredicate;

/**
 * The predicate of a {@link Select}: whether query position q attends to key position k, given their
 * values. Note the argument order, Tracr's: {@code test(key, query)}.
 */
@FunctionalInterface
public interface SelectPredicate {
    boolean test(Object key, Object query);

    static SelectPredicate of(String description, BiPredicate<Object, Object> p) {
        return new Described(description, p);
    }

    record Described(String description, BiPredicate<Object, Object> p) implements SelectPredicate {
        @Override
        public boolean test(Object key, Object query) {
            return p.test(key, query);
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
