package dev.glassbox.rasp;

/**
 * Tracr's built-in predicates for {@link Select}, each comparing a key k with a query q.
 * The compiler recognises these (and custom predicates alike) by their truth table on value sets.
 */
public enum Comparison implements SelectPredicate {
    EQ("k == q"), LT("k < q"), LEQ("k <= q"), GT("k > q"), GEQ("k >= q"), NEQ("k != q"), TRUE("True"), FALSE("False");

    private final String description;

    Comparison(String description) {
        this.description = description;
    }

    @Override
    public boolean test(Object key, Object query) {
        if (key == null || query == null) {
            throw new RaspTypeError("Select compares None (" + (key == null ? "key" : "query") + " is None)");
        }
        return switch (this) {
            case EQ -> Values.equal(key, query);
            case LT -> Values.compare(key, query) < 0;
            case LEQ -> Values.compare(key, query) <= 0;
            case GT -> Values.compare(key, query) > 0;
            case GEQ -> Values.compare(key, query) >= 0;
            case NEQ -> !Values.equal(key, query);
            case TRUE -> true;
            case FALSE -> false;
        };
    }

    @Override
    public String toString() {
        return description;
    }
}
