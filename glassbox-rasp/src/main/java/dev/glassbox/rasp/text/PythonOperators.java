package dev.glassbox.rasp.text;

import dev.glassbox.rasp.RaspTypeError;
import dev.glassbox.rasp.Values;
import java.util.List;

/**
 * The operators of the expression language on plain values, with Python's semantics. Arithmetic and
 * ordering come from {@link Values}; this adds what lambda bodies need beyond it: powers, bitwise
 * {@code & | ~} on ints and bools, {@code in}, {@code is}, indexing and {@code repr}.
 * Every failure is a {@link RaspTypeError}, never a Java exception.
 */
final class PythonOperators {
    private PythonOperators() {}

    static Object binary(BinaryOperator op, Object a, Object b) {
        return switch (op) {
            case ADD -> Values.add(a, b);
            case SUBTRACT -> Values.subtract(a, b);
            case MULTIPLY -> Values.multiply(a, b);
            case DIVIDE -> Values.divide(a, b);
            case FLOOR_DIVIDE -> Values.floorDivide(a, b);
            case MODULO -> Values.modulo(a, b);
            case POWER -> power(a, b);
            case BIT_AND, BIT_OR -> bitwise(op, a, b);
        };
    }

    static Object unary(UnaryOperator op, Object a) {
        return switch (op) {
            case NEGATE -> Values.negate(a);
            case PLUS -> {
                if (!Values.isNumber(a)) throw new RaspTypeError("bad operand for unary +: " + Values.describe(a));
                yield a instanceof Boolean b ? (Object) (b ? 1 : 0) : a;
            }
            case INVERT -> {
                if (!isIntegral(a)) throw new RaspTypeError("bad operand for ~: " + Values.describe(a) + " (~ needs an int or a bool)");
                yield integer(~toLong(a));
            }
        };
    }

    static boolean compare(ComparisonOperator op, Object a, Object b) {
        return switch (op) {
            case EQ -> Values.equal(a, b);
            case NE -> !Values.equal(a, b);
            case LT -> Values.compare(a, b) < 0;
            case LE -> Values.compare(a, b) <= 0;
            case GT -> Values.compare(a, b) > 0;
            case GE -> Values.compare(a, b) >= 0;
            case IN -> contains(b, a);
            case NOT_IN -> !contains(b, a);
            case IS -> same(a, b);
            case IS_NOT -> !same(a, b);
        };
    }

    /** {@code target[index]} on a tuple or a string; negative indices count from the end. */
    static Object index(Object target, Object index) {
        int size = switch (target) {
            case List<?> l -> l.size();
            case String s -> s.length();
            case null, default -> throw new RaspTypeError(Values.describe(target) + " cannot be indexed; only tuples and strings can");
        };
        if (!isIntegral(index)) throw new RaspTypeError("an index must be an int, got " + Values.describe(index));
        long i = toLong(index);
        long at = i < 0 ? i + size : i;
        if (at < 0 || at >= size) {
            throw new RaspTypeError("index " + i + " is out of range for " + Values.describe(target) + " of length " + size);
        }
        return target instanceof List<?> l ? l.get((int) at) : String.valueOf(((String) target).charAt((int) at));
    }

    /** Python's {@code repr}: strings in quotes, so a description tells {@code 'a'} from a name. */
    static String repr(Object v) {
        if (v instanceof String s) {
            char quote = s.contains("'") && !s.contains("\"") ? '"' : '\'';
            StringBuilder sb = new StringBuilder().append(quote);
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\t' -> sb.append("\\t");
                    case '\r' -> sb.append("\\r");
                    default -> {
                        if (c == quote) sb.append('\\');
                        sb.append(c);
                    }
                }
            }
            return sb.append(quote).toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < l.size(); i++) sb.append(i > 0 ? ", " : "").append(repr(l.get(i)));
            return sb.append(l.size() == 1 ? ",)" : ")").toString();
        }
        return Values.format(v);
    }

    private static Object power(Object a, Object b) {
        if (!Values.isNumber(a) || !Values.isNumber(b)) {
            throw new RaspTypeError("unsupported operands for **: " + Values.describe(a) + " and " + Values.describe(b));
        }
        if (isIntegral(a) && isIntegral(b) && toLong(b) >= 0) {
            long base = toLong(a), result = 1;
            try {
                for (long e = toLong(b); e > 0; e--) {
                    result = Math.multiplyExact(result, base);
                    if (result == 0 || result == 1) break;
                }
            } catch (ArithmeticException overflow) {
                throw new RaspTypeError(Values.format(a) + " ** " + Values.format(b) + " is too large for a 64-bit int");
            }
            if (result == 1 && base == -1 && toLong(b) % 2 == 1) result = -1;
            return integer(result);
        }
        double x = Values.toDouble(a), y = Values.toDouble(b);
        if (x == 0.0 && y < 0) throw new RaspTypeError("0 cannot be raised to a negative power (" + Values.format(a) + " ** " + Values.format(b) + ")");
        if (x < 0 && y != Math.rint(y)) {
            throw new RaspTypeError("a negative number to a fractional power is complex (" + Values.format(a) + " ** " + Values.format(b) + ")");
        }
        return Math.pow(x, y);
    }

    private static Object bitwise(BinaryOperator op, Object a, Object b) {
        if (!isIntegral(a) || !isIntegral(b)) {
            throw new RaspTypeError("unsupported operands for " + op.symbol + ": " + Values.describe(a) + " and " + Values.describe(b)
                    + " (" + op.symbol + " works on ints and bools; use " + (op == BinaryOperator.BIT_AND ? "'and'" : "'or'") + " for logic)");
        }
        if (a instanceof Boolean x && b instanceof Boolean y) return op == BinaryOperator.BIT_AND ? x & y : x | y;
        long x = toLong(a), y = toLong(b);
        return integer(op == BinaryOperator.BIT_AND ? x & y : x | y);
    }

    private static boolean contains(Object container, Object item) {
        if (container instanceof List<?> l) {
            for (Object x : l) if (Values.equal(x, item)) return true;
            return false;
        }
        if (container instanceof String s) {
            if (item instanceof String sub) return s.contains(sub);
            throw new RaspTypeError("'in <string>' needs a string on its left, got " + Values.describe(item));
        }
        throw new RaspTypeError("'in' needs a tuple or a string on its right, got " + Values.describe(container));
    }

    /** {@code is}: None is None, a bool is the same bool; other values must have the same type and be equal. */
    private static boolean same(Object a, Object b) {
        if (a == null || b == null) return a == b;
        return pythonType(a).equals(pythonType(b)) && Values.equal(a, b);
    }

    private static String pythonType(Object v) {
        return v instanceof Long ? "java.lang.Integer" : v.getClass().getName();
    }

    static boolean isIntegral(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof Boolean;
    }

    static long toLong(Object v) {
        return switch (v) {
            case Integer i -> i;
            case Long l -> l;
            case Boolean b -> b ? 1 : 0;
            default -> throw new RaspTypeError("expected an int, got " + Values.describe(v));
        };
    }

    /** An int result, narrowed to Integer when it fits, as {@link Values} does. */
    static Object integer(long x) {
        return x >= Integer.MIN_VALUE && x <= Integer.MAX_VALUE ? (Object) (int) x : (Object) x;
    }
}
