package dev.glassbox.rasp;

/**
 * A sequence operation: maps the input sequence to one value per position. Carries its
 * {@link Encoding} annotation (categorical unless set) and an optional name. Annotations are set
 * fluently, before the S-Op is used by others, as in Tracr: {@code numerical(aggregate(...)).named("x")}.
 *
 * <p>The fluent methods below build new S-Ops on this one, mirroring Tracr's operator overloads
 * ({@code sop == v} is {@link #eq}, {@code sop + other} is {@link #plus}, ...).
 */
public abstract sealed class SOp extends RaspExpr
        permits Tokens, Indices, Map, SequenceMap, Full, ConstantSOp, SelectorWidth, Aggregate {
    private Encoding encoding = Encoding.CATEGORICAL;

    public Encoding encoding() {
        return encoding;
    }

    public boolean isNumerical() {
        return encoding == Encoding.NUMERICAL;
    }

    public boolean isCategorical() {
        return encoding == Encoding.CATEGORICAL;
    }

    /** Annotates this S-Op with a name and returns it. */
    public SOp named(String name) {
        setName(name);
        return this;
    }

    /** Annotates this S-Op as numerically encoded and returns it. */
    public SOp numerical() {
        return encoded(Encoding.NUMERICAL);
    }

    /** Annotates this S-Op as categorically encoded and returns it. */
    public SOp categorical() {
        return encoded(Encoding.CATEGORICAL);
    }

    public SOp encoded(Encoding encoding) {
        this.encoding = java.util.Objects.requireNonNull(encoding);
        return this;
    }

    // ---- fluent construction (Tracr's operator overloads) ----

    public Map map(ValueFunction f) {
        return new Map(f, this);
    }

    public Map eq(Object v) {
        return new Map(ValueFunction.of("x == " + Values.format(v), x -> Values.equal(x, v)), this);
    }

    public Map ne(Object v) {
        return new Map(ValueFunction.of("x != " + Values.format(v), x -> !Values.equal(x, v)), this);
    }

    public Map lt(Object v) {
        return new Map(ValueFunction.of("x < " + Values.format(v), x -> Values.compare(x, v) < 0), this);
    }

    public Map le(Object v) {
        return new Map(ValueFunction.of("x <= " + Values.format(v), x -> Values.compare(x, v) <= 0), this);
    }

    public Map gt(Object v) {
        return new Map(ValueFunction.of("x > " + Values.format(v), x -> Values.compare(x, v) > 0), this);
    }

    public Map ge(Object v) {
        return new Map(ValueFunction.of("x >= " + Values.format(v), x -> Values.compare(x, v) >= 0), this);
    }

    public Map plus(Object v) {
        return new Map(ValueFunction.of("x + " + Values.format(v), x -> Values.add(x, v)), this);
    }

    public Map minus(Object v) {
        return new Map(ValueFunction.of("x - " + Values.format(v), x -> Values.subtract(x, v)), this);
    }

    public Map times(Object v) {
        return new Map(ValueFunction.of("x * " + Values.format(v), x -> Values.multiply(x, v)), this);
    }

    public Map dividedBy(Object v) {
        return new Map(ValueFunction.of("x / " + Values.format(v), x -> Values.divide(x, v)), this);
    }

    /** Python's {@code not x} (Tracr's {@code ~sop}). */
    public Map not() {
        return new Map(ValueFunction.of("not x", x -> !Values.truthy(x)), this);
    }

    public SequenceMap plus(SOp other) {
        return new SequenceMap(ValueFunction2.of("x + y", Values::add), this, other);
    }

    public SequenceMap minus(SOp other) {
        return new SequenceMap(ValueFunction2.of("x - y", Values::subtract), this, other);
    }

    public SequenceMap times(SOp other) {
        return new SequenceMap(ValueFunction2.of("x * y", Values::multiply), this, other);
    }

    public SequenceMap dividedBy(SOp other) {
        return new SequenceMap(ValueFunction2.of("x / y", Values::divide), this, other);
    }

    /** Python's {@code x and y} (Tracr's {@code sop & other}): returns x if x is falsy, else y. */
    public SequenceMap and(SOp other) {
        return new SequenceMap(ValueFunction2.of("x and y", (x, y) -> Values.truthy(x) ? y : x), this, other);
    }

    /** Python's {@code x or y} (Tracr's {@code sop | other}): returns x if x is truthy, else y. */
    public SequenceMap or(SOp other) {
        return new SequenceMap(ValueFunction2.of("x or y", (x, y) -> Values.truthy(x) ? x : y), this, other);
    }
}
