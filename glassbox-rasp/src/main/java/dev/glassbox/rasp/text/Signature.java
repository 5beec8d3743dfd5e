package dev.glassbox.rasp.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The parameters of a built-in RASP function, and Python's way of binding a call's arguments to them:
 * positional first, then by keyword; an optional parameter has a default.
 */
record Signature(String function, List<Param> params) {

    /** {@code defaultValue} null means the parameter is required. */
    record Param(String name, TopValue defaultValue) {
        static Param required(String name) {
            return new Param(name, null);
        }

        static Param optional(String name, Object defaultValue) {
            return new Param(name, new TopValue.Plain(defaultValue));
        }
    }

    static Signature of(String function, Param... params) {
        return new Signature(function, List.of(params));
    }

    /** How the function is called, for messages: {@code aggregate(selector, sop, default=None)}. */
    String usage() {
        List<String> parts = new ArrayList<>();
        for (Param p : params) {
            parts.add(p.defaultValue() == null ? p.name()
                    : p.name() + "=" + PythonOperators.repr(((TopValue.Plain) p.defaultValue()).value()));
        }
        return function + "(" + String.join(", ", parts) + ")";
    }

    /** Binds the arguments of {@code call}, evaluating each once with {@code evaluate}, in the order written. */
    BoundArguments bind(Expr.Call call, Function<Expr, TopValue> evaluate, SourceText source) {
        int n = params.size();
        Expr[] exprs = new Expr[n];
        if (call.args().size() > n) {
            throw source.typeError(call.args().get(n).start(), function + " takes " + n + " argument" + (n == 1 ? "" : "s")
                    + ", found " + call.args().size() + " (" + usage() + ")");
        }
        for (int i = 0; i < call.args().size(); i++) exprs[i] = call.args().get(i);
        for (Expr.Keyword k : call.keywords()) {
            int i = indexOf(k.name());
            if (i < 0) {
                throw source.typeError(k.start(), function + " has no argument named '" + k.name() + "'"
                        + NameSuggestions.didYouMean(k.name(), params.stream().map(Param::name).toList()) + " (" + usage() + ")");
            }
            if (exprs[i] != null) throw source.typeError(k.start(), function + " got two values for its argument '" + k.name() + "'");
            exprs[i] = k.value();
        }
        for (int i = 0; i < n; i++) {
            if (exprs[i] == null && params.get(i).defaultValue() == null) {
                throw source.typeError(call.end() - 1, function + " is missing its argument '" + params.get(i).name()
                        + "' (" + usage() + ")");
            }
        }
        TopValue[] values = new TopValue[n];
        for (Expr e : call.args()) values[indexOfExpr(exprs, e)] = evaluate.apply(e);
        for (Expr.Keyword k : call.keywords()) values[indexOf(k.name())] = evaluate.apply(k.value());
        for (int i = 0; i < n; i++) if (values[i] == null) values[i] = params.get(i).defaultValue();
        return new BoundArguments(this, Arrays.stream(exprs).map(e -> e == null ? (Expr) call : e).toList(), List.of(values), source);
    }

    int indexOf(String name) {
        for (int i = 0; i < params.size(); i++) if (params.get(i).name().equals(name)) return i;
        return -1;
    }

    private static int indexOfExpr(Expr[] exprs, Expr e) {
        for (int i = 0; i < exprs.length; i++) if (exprs[i] == e) return i;
        throw new IllegalStateException("argument not bound");
    }
}
