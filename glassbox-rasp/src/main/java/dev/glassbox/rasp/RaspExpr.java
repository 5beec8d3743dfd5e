package dev.glassbox.rasp;

import java.util.List;

/**
 * A RASP expression: an S-Op (a function from an input sequence to a sequence of values) or a
 * Selector (a function from an input sequence to a boolean query × key matrix).
 *
 * <p>Expressions are compared by identity, never by name or structure: two Maps with the same
 * function are two nodes of the program graph. A name is an optional annotation; unnamed
 * expressions get a readable unique label when a program is {@link Labels labelled}.
 */
public abstract sealed class RaspExpr permits SOp, Selector {
    private String name;

    /** The name given by the user, or null. */
    public String name() {
        return name;
    }

    /** The expressions this one reads, in a fixed order. */
    public abstract List<RaspExpr> children();

    /** The name this kind of expression gets when the user gave none: {@code map}, {@code select}, ... */
    public abstract String defaultName();

    void setName(String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a name must not be blank");
        this.name = name;
    }

    @Override
    public String toString() {
        return name != null ? name : defaultName();
    }
}
