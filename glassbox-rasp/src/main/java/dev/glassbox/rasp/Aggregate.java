package dev.glassbox.rasp;

import java.util.List;
import java.util.Objects;

/**
 * Reads the S-Op at the keys each query selects: one value when one key is selected, the mean of
 * numbers when several are, {@code default} when none is. Numerical or categorical by its own
 * annotation; a categorical Aggregate must select at most one distinct value per query.
 */
public final class Aggregate extends SOp {
    private final Selector selector;
    private final SOp sop;
    private final Object defaultValue;

    public Aggregate(Selector selector, SOp sop) {
        this(selector, sop, null);
    }

    public Aggregate(Selector selector, SOp sop, Object defaultValue) {
        this.selector = Objects.requireNonNull(selector, "selector");
        this.sop = Objects.requireNonNull(sop, "sop");
        if (defaultValue instanceof List) throw new RaspTypeError("an Aggregate default must be None, a number, a bool or a string");
        this.defaultValue = Values.requireValue(defaultValue);
    }

    public Selector selector() {
        return selector;
    }

    public SOp sop() {
        return sop;
    }

    /** The value where nothing is selected; null is RASP's None. */
    public Object defaultValue() {
        return defaultValue;
    }

    @Override
    public List<RaspExpr> children() {
        return List.of(selector, sop);
    }

    @Override
    public String defaultName() {
        return "aggregate";
    }
}
