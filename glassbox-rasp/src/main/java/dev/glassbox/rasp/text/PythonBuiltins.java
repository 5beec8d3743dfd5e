package dev.glassbox.rasp.text;

import dev.glassbox.rasp.RaspTypeError;
import dev.glassbox.rasp.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The few Python builtins a lambda body (or a constant) may call: abs, min, max, len, int, float, str, bool. */
final class PythonBuiltins {
    private PythonBuiltins() {}

    /** A builtin taking between {@code minArgs} and {@code maxArgs} arguments. */
    record Builtin(String name, int minArgs, int maxArgs, Function<List<Object>, Object> body) {
        Object call(List<Object> args) {
            return body.apply(args);
        }

        String arity() {
            if (maxArgs == Integer.MAX_VALUE) return "at least " + minArgs + " argument" + (minArgs == 1 ? "" : "s");
            return minArgs == maxArgs ? minArgs + " argument" + (minArgs == 1 ? "" : "s") : minArgs + " to " + maxArgs + " arguments";
        }
    }

    static final Map<String, Builtin> ALL = builtins();

    private static Map<String, Builtin> builtins() {
        Map<String, Builtin> m = new LinkedHashMap<>();
        add(m, new Builtin("abs", 1, 1, args -> abs(args.getFirst())));
        add(m, new Builtin("min", 1, Integer.MAX_VALUE, args -> extreme("min", args, -1)));
        add(m, new Builtin("max", 1, Integer.MAX_VALUE, args -> extreme("max", args, 1)));
        add(m, new Builtin("len", 1, 1, args -> len(args.getFirst())));
        add(m, new Builtin("int", 1, 1, args -> toInt(args.getFirst())));
        add(m, new Builtin("float", 1, 1, args -> toFloat(args.getFirst())));
        add(m, new Builtin("str", 1, 1, args -> args.getFirst() instanceof String s ? s : Values.format(args.getFirst())));
        add(m, new Builtin("bool", 1, 1, args -> Values.truthy(args.getFirst())));
        return java.util.Collections.unmodifiableMap(m);
    }

    private static void add(Map<String, Builtin> m, Builtin b) {
        m.put(b.name(), b);
    }

    private static Object abs(Object x) {
        if (PythonOperators.isIntegral(x)) return PythonOperators.integer(Math.abs(PythonOperators.toLong(x)));
        if (x instanceof Double d) return Math.abs(d);
        throw new RaspTypeError("abs() needs a number, got " + Values.describe(x));
    }

    /** Python's min/max: of the arguments, or of the items of a single tuple; the first extreme wins ties. */
    private static Object extreme(String name, List<Object> args, int sign) {
        List<?> items = args;
        if (args.size() == 1) {
            if (!(args.getFirst() instanceof List<?> tuple)) {
                throw new RaspTypeError(name + "() of one argument needs a tuple, got " + Values.describe(args.getFirst()));
            }
            if (tuple.isEmpty()) throw new RaspTypeError(name + "() of an empty tuple");
            items = tuple;
        }
        Object best = items.getFirst();
        for (Object x : items.subList(1, items.size())) {
            if (Integer.signum(Values.compare(x, best)) == sign) best = x;
        }
        return best;
    }

    private static Object len(Object x) {
        return switch (x) {
            case List<?> l -> l.size();
            case String s -> s.length();
            case null, default -> throw new RaspTypeError("len() needs a tuple or a string, got " + Values.describe(x));
        };
    }

    private static Object toInt(Object x) {
        if (PythonOperators.isIntegral(x)) return PythonOperators.integer(PythonOperators.toLong(x));
        if (x instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) throw new RaspTypeError("cannot convert " + Values.format(d) + " to an int");
            return PythonOperators.integer((long) (double) d); // truncates toward zero, as Python's int() does
        }
        if (x instanceof String s) {
            try {
                return PythonOperators.integer(Long.parseLong(s.strip()));
            } catch (NumberFormatException e) {
                throw new RaspTypeError("invalid literal for int(): " + PythonOperators.repr(s));
            }
        }
        throw new RaspTypeError("int() needs a number or a string, got " + Values.describe(x));
    }

    private static Object toFloat(Object x) {
        if (Values.isNumber(x)) return Values.toDouble(x);
        if (x instanceof String s) {
            String t = s.strip().toLowerCase(java.util.Locale.ROOT);
            switch (t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t) {
                case "inf", "infinity" -> { return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY; }
                case "nan" -> { return Double.NaN; }
                default -> { }
            }
            if (t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) return Double.parseDouble(t);
            throw new RaspTypeError("could not convert string to float: " + PythonOperators.repr(s));
        }
        throw new RaspTypeError("float() needs a number or a string, got " + Values.describe(x));
    }
}
