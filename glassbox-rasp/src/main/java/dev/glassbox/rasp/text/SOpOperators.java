package dev.glassbox.rasp.text;

import dev.glassbox.rasp.Map;
import dev.glassbox.rasp.Rasp;
import dev.glassbox.rasp.SOp;
import dev.glassbox.rasp.SequenceMap;
import dev.glassbox.rasp.ValueFunction;
import dev.glassbox.rasp.ValueFunction2;
import dev.glassbox.rasp.Values;

/**
 * Operators on S-Ops and selectors at the top level: Tracr's operator overloads. An S-Op with a value
 * is a Map ({@code tokens == "a"}, {@code length - 1}, {@code 1 - x}); two S-Ops make a SequenceMap
 * ({@code length - indices}); {@code &}, {@code |}, {@code ~} are Python's and/or/not position by
 * position on S-Ops, and selector_and/or/not on selectors. Operations that the Java DSL has a fluent
 * method for go through that method, so both build the same expressions with the same descriptions.
 */
final class SOpOperators {
    private SOpOperators() {}

    static TopValue unary(UnaryOperator op, TopValue operand, int offset, SourceText source) {
        return switch (operand) {
            case TopValue.SOpValue s -> new TopValue.SOpValue(switch (op) {
                case INVERT -> s.sop().not();
                case NEGATE -> new Map(ValueFunction.of("-x", Values::negate), s.sop());
                case PLUS -> new Map(ValueFunction.of("+x", x -> PythonOperators.unary(UnaryOperator.PLUS, x)), s.sop());
            });
            case TopValue.SelectorValue s when op == UnaryOperator.INVERT -> new TopValue.SelectorValue(Rasp.selectorNot(s.selector()));
            case TopValue.SelectorValue s -> throw source.typeError(offset,
                    "unary " + op.symbol + " does not apply to a selector; selectors combine with &, | and ~");
            default -> throw source.typeError(offset, "unary " + op.symbol + " does not apply to " + operand.describe());
        };
    }

    static TopValue binary(BinaryOperator op, TopValue left, TopValue right, int offset, SourceText source) {
        if (left instanceof TopValue.SelectorValue a && right instanceof TopValue.SelectorValue b) {
            return switch (op) {
                case BIT_AND -> new TopValue.SelectorValue(Rasp.selectorAnd(a.selector(), b.selector()));
                case BIT_OR -> new TopValue.SelectorValue(Rasp.selectorOr(a.selector(), b.selector()));
                default -> throw source.typeError(offset, op.symbol + " does not apply to selectors; selectors combine with &, | and ~");
            };
        }
        if (left instanceof TopValue.SelectorValue || right instanceof TopValue.SelectorValue) {
            throw source.typeError(offset, op.symbol + " needs two selectors or no selector, found " + left.describe()
                    + " and " + right.describe());
        }
        if (left instanceof TopValue.SOpValue a && right instanceof TopValue.SOpValue b) {
            return new TopValue.SOpValue(switch (op) {
                case ADD -> a.sop().plus(b.sop());
                case SUBTRACT -> a.sop().minus(b.sop());
                case MULTIPLY -> a.sop().times(b.sop());
                case DIVIDE -> a.sop().dividedBy(b.sop());
                case BIT_AND -> a.sop().and(b.sop());
                case BIT_OR -> a.sop().or(b.sop());
                default -> new SequenceMap(ValueFunction2.of("x " + op.symbol + " y",
                        (x, y) -> PythonOperators.binary(op, x, y)), a.sop(), b.sop());
            });
        }
        if (left instanceof TopValue.SOpValue a && right instanceof TopValue.Plain v) {
            return new TopValue.SOpValue(withValue(op, a.sop(), v.value()));
        }
        if (left instanceof TopValue.Plain v && right instanceof TopValue.SOpValue b) {
            return new TopValue.SOpValue(valueWith(op, v.value(), b.sop()));
        }
        throw source.typeError(offset, op.symbol + " does not apply to " + left.describe() + " and " + right.describe());
    }

    /** {@code sop op v}: a Map of sop. */
    private static SOp withValue(BinaryOperator op, SOp sop, Object v) {
        String text = PythonOperators.repr(v);
        return switch (op) {
            case ADD -> sop.plus(v);
            case SUBTRACT -> sop.minus(v);
            case MULTIPLY -> sop.times(v);
            case DIVIDE -> sop.dividedBy(v);
            case BIT_AND -> new Map(ValueFunction.of("x and " + text, x -> Values.truthy(x) ? v : x), sop);
            case BIT_OR -> new Map(ValueFunction.of("x or " + text, x -> Values.truthy(x) ? x : v), sop);
            default -> new Map(ValueFunction.of("x " + op.symbol + " " + text, x -> PythonOperators.binary(op, x, v)), sop);
        };
    }

    /** {@code v op sop}: a Map of sop with the value on the left, as Python's reflected operators. */
    private static SOp valueWith(BinaryOperator op, Object v, SOp sop) {
        String text = PythonOperators.repr(v);
        return switch (op) {
            case BIT_AND -> new Map(ValueFunction.of(text + " and x", x -> Values.truthy(v) ? x : v), sop);
            case BIT_OR -> new Map(ValueFunction.of(text + " or x", x -> Values.truthy(v) ? v : x), sop);
            default -> new Map(ValueFunction.of(text + " " + op.symbol + " x", x -> PythonOperators.binary(op, v, x)), sop);
        };
    }

    /** One comparison with an S-Op on at least one side. */
    static TopValue compare(ComparisonOperator op, TopValue left, TopValue right, int offset, SourceText source) {
        if (left instanceof TopValue.SelectorValue || right instanceof TopValue.SelectorValue) {
            throw source.typeError(offset, "selectors cannot be compared with " + op.symbol + "; they combine with &, | and ~");
        }
        if (op == ComparisonOperator.IS || op == ComparisonOperator.IS_NOT) {
            throw source.typeError(offset, "'" + op.symbol + "' does not apply to S-Ops; use == and != to compare them with values");
        }
        if (left instanceof TopValue.SOpValue a && right instanceof TopValue.SOpValue b) {
            return new TopValue.SOpValue(new SequenceMap(ValueFunction2.of("x " + op.symbol + " y",
                    (x, y) -> PythonOperators.compare(op, x, y)), a.sop(), b.sop()));
        }
        if (left instanceof TopValue.SOpValue a && right instanceof TopValue.Plain v) {
            boolean membership = op == ComparisonOperator.IN || op == ComparisonOperator.NOT_IN;
            if (membership && !(v.value() instanceof java.util.List || v.value() instanceof String)) {
                throw source.typeError(offset, "'" + op.symbol + "' needs a tuple or a string on its right, found " + right.describe());
            }
            return new TopValue.SOpValue(compareWithValue(op, a.sop(), v.value()));
        }
        if (left instanceof TopValue.Plain v && right instanceof TopValue.SOpValue b && op.flipped() != null) {
            return new TopValue.SOpValue(compareWithValue(op.flipped(), b.sop(), v.value()));
        }
        throw source.typeError(offset, "'" + op.symbol + "' does not apply to " + left.describe() + " and " + right.describe());
    }

    private static SOp compareWithValue(ComparisonOperator op, SOp sop, Object v) {
        return switch (op) {
            case EQ -> sop.eq(v);
            case NE -> sop.ne(v);
            case LT -> sop.lt(v);
            case LE -> sop.le(v);
            case GT -> sop.gt(v);
            case GE -> sop.ge(v);
            default -> new Map(ValueFunction.of("x " + op.symbol + " " + PythonOperators.repr(v),
                    x -> PythonOperators.compare(op, x, v)), sop);
        };
    }
}
