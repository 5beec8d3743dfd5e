package dev.glassbox.rasp.text;

import dev.glassbox.rasp.Comparison;
import dev.glassbox.rasp.SOp;
import dev.glassbox.rasp.SelectPredicate;
import dev.glassbox.rasp.Selector;
import dev.glassbox.rasp.Values;
import java.util.List;

/**
 * The arguments of one call of a built-in RASP function, bound to its parameters, with typed access:
 * asking for an S-Op where the user passed a selector is a type error pointing at that argument.
 */
record BoundArguments(Signature signature, List<Expr> exprs, List<TopValue> values, SourceText source) {

    TopValue get(String param) {
        return values.get(index(param));
    }

    Expr expr(String param) {
        return exprs.get(index(param));
    }

    SOp sop(String param) {
        if (get(param) instanceof TopValue.SOpValue s) return s.sop();
        throw mismatch(param, "an S-Op", hintFor(get(param), "full(v) makes an S-Op holding v everywhere"));
    }

    Selector selector(String param) {
        if (get(param) instanceof TopValue.SelectorValue s) return s.selector();
        throw mismatch(param, "a selector", get(param) instanceof TopValue.SOpValue ? "; select(keys, queries, predicate) makes one" : "");
    }

    /** A comparison by name, or a lambda of (key, query). */
    SelectPredicate predicate(String param) {
        return switch (get(param)) {
            case TopValue.ComparisonValue c -> c.comparison();
            case TopValue.FunctionValue f when f.function().arity() == 2 -> f.function().toPredicate();
            case TopValue.FunctionValue f -> throw source.typeError(expr(param).start(), signature.function()
                    + " needs a predicate of two arguments, the key and the query (lambda k, q: ...), found " + f.describe());
            default -> throw mismatch(param, "a comparison (" + comparisonNames() + ") or a lambda k, q: ...", "");
        };
    }

    /** A lambda of exactly {@code arity} parameters. */
    CompiledLambda function(String param, int arity) {
        if (get(param) instanceof TopValue.FunctionValue f) {
            if (f.function().arity() == arity) return f.function();
            throw source.typeError(expr(param).start(), signature.function() + " needs a function of " + arityWords(arity)
                    + " (" + exampleLambda(arity) + "), found " + f.describe());
        }
        throw mismatch(param, "a function of " + arityWords(arity) + " (" + exampleLambda(arity) + ")", "");
    }

    /** A plain value: a number, bool, string, tuple or None. */
    Object value(String param) {
        if (get(param) instanceof TopValue.Plain p) return p.value();
        throw mismatch(param, "a value", "");
    }

    /** A value that can fill a position of an S-Op by itself: not a tuple. */
    Object scalar(String param) {
        Object v = value(param);
        if (v instanceof List) throw mismatch(param, "None, a number, a bool or a string", "");
        return v;
    }

    double number(String param) {
        Object v = value(param);
        if (v instanceof Boolean || !Values.isNumber(v)) throw mismatch(param, "a number", "");
        return Values.toDouble(v);
    }

    boolean bool(String param) {
        if (value(param) instanceof Boolean b) return b;
        throw mismatch(param, "True or False", "");
    }

    List<Object> tuple(String param) {
        if (value(param) instanceof List<?> l) return new java.util.ArrayList<>(l); // may hold None
        throw mismatch(param, "a tuple", "");
    }

    private int index(String param) {
        int i = signature.indexOf(param);
        if (i < 0) throw new IllegalArgumentException(signature.function() + " has no parameter " + param);
        return i;
    }

    private RaspTypeCheckException mismatch(String param, String expected, String hint) {
        int i = index(param);
        return source.typeError(exprs.get(i).start(), signature.function() + " expects " + expected + " as its argument '"
                + param + "' (argument " + (i + 1) + " of " + signature.usage() + "), found " + describe(i) + hint);
    }

    private String describe(int i) {
        String what = values.get(i).describe();
        return exprs.get(i) instanceof Expr.Name n && !(values.get(i) instanceof TopValue.Plain) ? what + " '" + n.name() + "'" : what;
    }

    private static String hintFor(TopValue found, String plainHint) {
        return found instanceof TopValue.Plain ? "; " + plainHint : "";
    }

    static String comparisonNames() {
        return String.join(", ", java.util.Arrays.stream(Comparison.values()).map(Enum::name).toList());
    }

    private static String arityWords(int arity) {
        return arity == 1 ? "one argument" : arity == 2 ? "two arguments" : arity + " arguments";
    }

    private static String exampleLambda(int arity) {
        return arity == 1 ? "lambda x: ..." : "lambda x, y: ...";
    }
}
