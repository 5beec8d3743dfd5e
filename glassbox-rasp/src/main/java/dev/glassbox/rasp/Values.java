package dev.glassbox.rasp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The values RASP programs compute on, with Python's semantics, because Tracr's programs and
 * reference outputs are written against them: {@code Integer}, {@code Double}, {@code Boolean},
 * {@code String}, tuples (immutable {@code List<Object>}) and {@code null} for RASP's None.
 *
 * <p>As in Python, {@code True == 1 == 1.0}: booleans are numbers in arithmetic and comparison, and
 * equal values share one {@link #key key}, so value sets never hold both {@code 1} and {@code 1.0}.
 */
public final class Values {
    private Values() {}

    public static boolean isNumber(Object v) {
        return v instanceof Integer || v instanceof Double || v instanceof Boolean || v instanceof Long;
    }

    /** The numeric value of an int, float or bool. */
    public static double toDouble(Object v) {
        return switch (v) {
            case Integer i -> i;
            case Long l -> l;
            case Double d -> d;
            case Boolean b -> b ? 1 : 0;
            default -> throw typeError("a number", v);
        };
    }

    private static boolean isIntegral(Object v) {
        return v instanceof Integer || v instanceof Boolean || v instanceof Long;
    }

    private static long toLong(Object v) {
        return switch (v) {
            case Integer i -> i;
            case Long l -> l;
            case Boolean b -> b ? 1 : 0;
            default -> throw typeError("an integer", v);
        };
    }

    /** An int result, narrowed to Integer when it fits (values stay small in RASP programs). */
    private static Object integer(long x) {
        return (x >= Integer.MIN_VALUE && x <= Integer.MAX_VALUE) ? (Object) (int) x : (Object) x;
    }

    /** Python's {@code ==}. */
    public static boolean equal(Object a, Object b) {
        if (a == null || b == null) return a == b;
        if (isNumber(a) && isNumber(b)) return toDouble(a) == toDouble(b);
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) if (!equal(x.get(i), y.get(i))) return false;
            return true;
        }
        return a.equals(b);
    }

    /**
     * A key with Java equality matching Python's {@code ==}: numbers become their double value,
     * so {@code True}, {@code 1} and {@code 1.0} share one key.
     */
    public static Object key(Object v) {
        if (v == null) return Null.NULL;
        if (isNumber(v)) {
            double d = toDouble(v);
            return d == 0.0 ? 0.0 : d; // -0.0 == 0.0 in Python
        }
        if (v instanceof List<?> list) {
            List<Object> keys = new ArrayList<>(list.size());
            for (Object x : list) keys.add(key(x));
            return keys;
        }
        return v;
    }

    private enum Null { NULL }

    /** Python's ordering ({@code <}), defined between numbers, between strings and between tuples. */
    public static int compare(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) return Double.compare(toDouble(a), toDouble(b));
        if (a instanceof String x && b instanceof String y) return Integer.signum(x.compareTo(y));
        if (a instanceof List<?> x && b instanceof List<?> y) {
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                int c = compare(x.get(i), y.get(i));
                if (c != 0) return c;
            }
            return Integer.compare(x.size(), y.size());
        }
        throw new RaspTypeError("cannot order " + describe(a) + " and " + describe(b));
    }

    /**
     * A total order for presenting value sets: numbers first by value, then strings, then the rest
     * by their text. Unlike {@link #compare} it never fails.
     */
    public static int sortOrder(Object a, Object b) {
        int ra = rank(a), rb = rank(b);
        if (ra != rb) return Integer.compare(ra, rb);
        if (ra == 0 || ra == 1) return compare(a, b);
        return format(a).compareTo(format(b));
    }

    private static int rank(Object v) {
        if (isNumber(v)) return 0;
        if (v instanceof String) return 1;
        if (v == null) return 3;
        return 2;
    }

    /** Python truthiness. */
    public static boolean truthy(Object v) {
        return switch (v) {
            case null -> false;
            case Boolean b -> b;
            case String s -> !s.isEmpty();
            case List<?> l -> !l.isEmpty();
            default -> toDouble(v) != 0.0;
        };
    }

    public static Object add(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) return x + y;
        if (a instanceof List<?> x && b instanceof List<?> y) {
            List<Object> out = new ArrayList<>(x);
            out.addAll(y);
            return java.util.Collections.unmodifiableList(out);
        }
        requireNumbers("+", a, b);
        if (isIntegral(a) && isIntegral(b)) return integer(exact("+", a, b, Math::addExact));
        return toDouble(a) + toDouble(b);
    }

    public static Object subtract(Object a, Object b) {
        requireNumbers("-", a, b);
        if (isIntegral(a) && isIntegral(b)) return integer(exact("-", a, b, Math::subtractExact));
        return toDouble(a) - toDouble(b);
    }

    public static Object multiply(Object a, Object b) {
        if (a instanceof String s && isIntegral(b)) return s.repeat((int) Math.max(0, toLong(b)));
        if (isIntegral(a) && b instanceof String s) return s.repeat((int) Math.max(0, toLong(a)));
        requireNumbers("*", a, b);
        if (isIntegral(a) && isIntegral(b)) return integer(exact("*", a, b, Math::multiplyExact));
        return toDouble(a) * toDouble(b);
    }

    /** Python's {@code /}: always a float; division by zero is an error, as in Python. */
    public static Object divide(Object a, Object b) {
        requireNumbers("/", a, b);
        double d = toDouble(b);
        if (d == 0.0) throw new RaspTypeError("division by zero (" + format(a) + " / " + format(b) + ")");
        return toDouble(a) / d;
    }

    /** Python's {@code //}: floor division. */
    public static Object floorDivide(Object a, Object b) {
        requireNumbers("//", a, b);
        if (toDouble(b) == 0.0) throw new RaspTypeError("division by zero (" + format(a) + " // " + format(b) + ")");
        if (isIntegral(a) && isIntegral(b)) return integer(Math.floorDiv(toLong(a), toLong(b)));
        return Math.floor(toDouble(a) / toDouble(b));
    }

    /** Python's {@code %}: the result takes the sign of the divisor. */
    public static Object modulo(Object a, Object b) {
        requireNumbers("%", a, b);
        if (toDouble(b) == 0.0) throw new RaspTypeError("modulo by zero (" + format(a) + " % " + format(b) + ")");
        if (isIntegral(a) && isIntegral(b)) return integer(Math.floorMod(toLong(a), toLong(b)));
        double x = toDouble(a), y = toDouble(b);
        return x - y * Math.floor(x / y);
    }

    /**
     * Python's integers never overflow; ours are 64-bit, so an overflow is an error rather than a
     * silently wrapped (wrong) value.
     */
    private static long exact(String op, Object a, Object b, java.util.function.LongBinaryOperator f) {
        try {
            return f.applyAsLong(toLong(a), toLong(b));
        } catch (ArithmeticException e) {
            throw new RaspTypeError("integer overflow in " + format(a) + " " + op + " " + format(b)
                    + " (Glassbox integers are 64-bit; use floats for larger values)");
        }
    }

    public static Object negate(Object a) {
        if (!isNumber(a)) throw typeError("a number", a);
        if (isIntegral(a)) return integer(exact("-", 0, a, Math::subtractExact));
        return -toDouble(a);
    }

    /** How Python's {@code str()} prints a value: {@code True}, {@code 2}, {@code 0.5}, {@code 1.0}, {@code None}. */
    public static String format(Object v) {
        return switch (v) {
            case null -> "None";
            case Boolean b -> b ? "True" : "False";
            case Double d -> formatDouble(d);
            case List<?> l -> {
                StringBuilder sb = new StringBuilder("(");
                for (int i = 0; i < l.size(); i++) {
                    if (i > 0) sb.append(", ");
                    sb.append(l.get(i) instanceof String s ? "'" + s + "'" : format(l.get(i)));
                }
                if (l.size() == 1) sb.append(',');
                yield sb.append(')').toString();
            }
            default -> v.toString();
        };
    }

    private static String formatDouble(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == Math.rint(d) && Math.abs(d) < 1e16) return (long) d + ".0";
        return Double.toString(d);
    }

    /** A short description for error messages: the value and its Python type. */
    public static String describe(Object v) {
        String type = switch (v) {
            case null -> "None";
            case Boolean b -> "bool";
            case Integer i -> "int";
            case Long l -> "int";
            case Double d -> "float";
            case String s -> "str";
            case List<?> l -> "tuple";
            default -> v.getClass().getSimpleName();
        };
        return (v instanceof String s ? "'" + s + "'" : format(v)) + " (" + type + ")";
    }

    private static void requireNumbers(String op, Object a, Object b) {
        if (!isNumber(a) || !isNumber(b)) {
            throw new RaspTypeError("unsupported operands for " + op + ": " + describe(a) + " and " + describe(b));
        }
    }

    private static RaspTypeError typeError(String expected, Object got) {
        return new RaspTypeError("expected " + expected + ", got " + describe(got));
    }

    /** Checks that a value is one RASP can hold. */
    public static Object requireValue(Object v) {
        if (v == null || isNumber(v) || v instanceof String) return v;
        if (v instanceof List<?> l) {
            for (Object x : l) requireValue(x);
            return java.util.Collections.unmodifiableList(new ArrayList<>(l));
        }
        throw new RaspTypeError("not a RASP value: " + Objects.toString(v) + " (" + v.getClass().getName() + ")");
    }
}
