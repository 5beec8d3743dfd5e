package dev.glassbox.compiler.craft;

import dev.glassbox.rasp.RaspTypeError;
import dev.glassbox.rasp.Values;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One named direction of a vector space: {@code tokens:a}, {@code indices:3}, {@code length:2} (a value of
 * a categorical S-Op), {@code frac_prevs} or {@code one} (a one-dimensional space, value null), or a
 * hidden neuron. Two directions are the same when their names are and their values are equal as Python
 * sees them ({@code 1 == 1.0 == True}).
 */
public record BasisDirection(String name, Object value) {

    public BasisDirection {
        Objects.requireNonNull(name, "name");
    }

    /** A direction of a one-dimensional space. */
    public static BasisDirection of(String name) {
        return new BasisDirection(name, null);
    }

    /** The direction's label as the original prints it: {@code name} or {@code name:value}. */
    public String label() {
        return value == null ? name : name + ":" + Values.format(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BasisDirection d && name.equals(d.name)
                && Objects.equals(value == null ? null : Values.key(value), d.value == null ? null : Values.key(d.value));
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + (value == null ? 0 : Values.key(value).hashCode());
    }

    @Override
    public String toString() {
        return label();
    }

    /**
     * The original's order of directions: by name, then by value as Python compares them, and by the
     * printed label where Python cannot compare the values (an int and a str, None and a number).
     */
    public static final Comparator<BasisDirection> TRACR_ORDER = (a, b) -> {
        int byName = a.name.compareTo(b.name);
        if (byName != 0) return byName;
        Integer byValue = pythonCompare(a.value, b.value);
        return byValue != null ? byValue : a.label().compareTo(b.label());
    };

    /** Python's ordering of two values, or null where Python raises a TypeError. */
    static Integer pythonCompare(Object a, Object b) {
        if (a == null || b == null) return a == b ? Integer.valueOf(0) : null;
        if (a instanceof List<?> x && b instanceof List<?> y) {
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                if (Values.equal(x.get(i), y.get(i))) continue;
                return pythonCompare(x.get(i), y.get(i));
            }
            return Integer.compare(x.size(), y.size());
        }
        try {
            return Values.compare(a, b);
        } catch (RaspTypeError e) {
            return null;
        }
    }
}
