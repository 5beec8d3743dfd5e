package dev.glassbox.rasp;

/** A boolean query × key matrix computed from the input: what an attention head attends to. */
public abstract sealed class Selector extends RaspExpr permits Select, SelectorAnd, SelectorOr, SelectorNot {

    public Selector named(String name) {
        setName(name);
        return this;
    }

    /** Tracr's {@code sel & other}, simplified to one Select where possible. */
    public Selector and(Selector other) {
        return Rasp.selectorAnd(this, other);
    }

    public Selector or(Selector other) {
        return Rasp.selectorOr(this, other);
    }

    public Selector not() {
        return Rasp.selectorNot(this);
    }
}
