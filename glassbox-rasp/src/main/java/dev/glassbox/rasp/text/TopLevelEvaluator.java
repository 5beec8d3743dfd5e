package dev.glassbox.rasp.text;

import dev.glassbox.rasp.Comparison;
import dev.glassbox.rasp.Indices;
import dev.glassbox.rasp.RaspExpr;
import dev.glassbox.rasp.RaspTypeError;
import dev.glassbox.rasp.Tokens;
import dev.glassbox.rasp.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Evaluates a top-level expression to a {@link TopValue}, checking kinds as it goes: this is the type
 * checker. Plain values compute with Python's semantics; operators and builtins on S-Ops and
 * selectors build the core's expressions; lambdas are compiled by {@link LambdaCompiler}.
 */
final class TopLevelEvaluator {
    private final SourceText source;
    private final Environment environment;

    TopLevelEvaluator(SourceText source, Environment environment) {
        this.source = source;
        this.environment = environment;
    }

    TopValue evaluate(Expr e) {
        return switch (e) {
            case Expr.Literal l -> new TopValue.Plain(l.value());
            case Expr.Name n -> name(n);
            case Expr.Tuple t -> tuple(t);
            case Expr.Unary u -> {
                TopValue operand = evaluate(u.operand());
                yield operand instanceof TopValue.Plain p
                        ? plain(u.start(), () -> PythonOperators.unary(u.op(), p.value()))
                        : SOpOperators.unary(u.op(), operand, u.start(), source);
            }
            case Expr.Binary b -> {
                TopValue left = evaluate(b.left()), right = evaluate(b.right());
                yield left instanceof TopValue.Plain x && right instanceof TopValue.Plain y
                        ? plain(b.opStart(), () -> PythonOperators.binary(b.op(), x.value(), y.value()))
                        : SOpOperators.binary(b.op(), left, right, b.opStart(), source);
            }
            case Expr.Compare c -> compare(c);
            case Expr.Logical l -> logical(l);
            case Expr.Not n -> {
                Object v = requirePlain(n.operand(), "the operand of 'not'", "; to negate an S-Op or a selector position by position use ~, as in Tracr");
                yield new TopValue.Plain(!Values.truthy(v));
            }
            case Expr.Conditional c -> {
                Object condition = requirePlain(c.condition(), "the condition of 'if'",
                        "; to choose position by position, use a conditional inside a lambda: map(lambda x: a if x else b, sop)");
                yield evaluate(Values.truthy(condition) ? c.then() : c.otherwise());
            }
            case Expr.Lambda l -> new TopValue.FunctionValue(LambdaCompiler.compile(l, source, environment));
            case Expr.Call c -> call(c);
            case Expr.Attribute a -> attribute(a);
            case Expr.Index i -> {
                TopValue target = evaluate(i.target());
                if (!(target instanceof TopValue.Plain t)) {
                    throw source.typeError(i.start(), describe(i.target(), target) + " cannot be indexed"
                            + (target instanceof TopValue.SOpValue ? "; to read other positions use select and aggregate" : ""));
                }
                Object index = requirePlain(i.index(), "an index", "");
                yield plain(i.start(), () -> PythonOperators.index(t.value(), index));
            }
        };
    }

    private TopValue name(Expr.Name n) {
        TopValue v = environment.lookup(n.name());
        if (v != null) return v;
        String name = n.name();
        if (RaspBuiltins.isFunction(name)) {
            throw source.typeError(n.start(), "'" + name + "' is a function; call it: " + RaspBuiltins.usage(name));
        }
        if (PythonBuiltins.ALL.containsKey(name)) {
            throw source.typeError(n.start(), "'" + name + "' is a function on values; call it in a lambda body: lambda x: " + name + "(x)");
        }
        if (name.equals("max_seq_len")) {
            throw source.typeError(n.start(), "max_seq_len is only known below the max_seq_len directive (max_seq_len 5)");
        }
        if (name.equals("Comparison")) {
            throw source.typeError(n.start(), "Comparison is only used to name a comparison, as in Comparison.EQ");
        }
        Integer later = environment.definedLaterAt(name);
        if (later != null) throw source.typeError(n.start(), "'" + name + "' is used before its definition at " + source.lineColumn(later));
        throw source.typeError(n.start(), "unknown name '" + name + "'" + NameSuggestions.didYouMean(name, environment.allNames()));
    }

    private TopValue tuple(Expr.Tuple t) {
        List<Object> items = new ArrayList<>();
        for (Expr item : t.items()) {
            items.add(requirePlain(item, "an item of a tuple", "; tuples hold values, not S-Ops or selectors"));
        }
        return new TopValue.Plain(Collections.unmodifiableList(items));
    }

    private TopValue compare(Expr.Compare c) {
        List<TopValue> operands = new ArrayList<>();
        operands.add(evaluate(c.first()));
        for (Expr e : c.rest()) operands.add(evaluate(e));
        boolean allPlain = operands.stream().allMatch(v -> v instanceof TopValue.Plain);
        if (!allPlain && c.ops().size() > 1) {
            throw source.typeError(c.opStarts().get(1), "chained comparisons (a < b < c) work on values only;"
                    + " compare S-Ops one pair at a time and combine the results with &");
        }
        if (!allPlain) return SOpOperators.compare(c.ops().getFirst(), operands.get(0), operands.get(1), c.opStarts().getFirst(), source);
        for (int i = 0; i < c.ops().size(); i++) {
            Object left = ((TopValue.Plain) operands.get(i)).value(), right = ((TopValue.Plain) operands.get(i + 1)).value();
            ComparisonOperator op = c.ops().get(i);
            TopValue result = plain(c.opStarts().get(i), () -> PythonOperators.compare(op, left, right));
            if (!Values.truthy(((TopValue.Plain) result).value())) return result;
        }
        return new TopValue.Plain(true);
    }

    /** Python's and/or on values, short-circuiting; S-Ops combine with & and | instead. */
    private TopValue logical(Expr.Logical l) {
        String word = l.isAnd() ? "and" : "or";
        String hint = "; to combine S-Ops or selectors position by position use " + (l.isAnd() ? "&" : "|") + ", as in Tracr";
        Object left = requirePlain(l.left(), "an operand of '" + word + "'", hint);
        if (Values.truthy(left) != l.isAnd()) return new TopValue.Plain(left);
        return new TopValue.Plain(requirePlain(l.right(), "an operand of '" + word + "'", hint));
    }

    private TopValue call(Expr.Call c) {
        if (c.callee() instanceof Expr.Attribute method) return methodCall(method, c);
        if (c.callee() instanceof Expr.Name n && environment.lookup(n.name()) == null) {
            if (RaspBuiltins.isFunction(n.name())) return RaspBuiltins.call(n.name(), c, this::evaluate, environment, source);
            PythonBuiltins.Builtin builtin = PythonBuiltins.ALL.get(n.name());
            if (builtin != null) return callPythonBuiltin(builtin, c);
        }
        TopValue callee = evaluate(c.callee());
        if (!(callee instanceof TopValue.FunctionValue f)) {
            throw source.typeError(c.start(), describe(c.callee(), callee) + " is not a function and cannot be called");
        }
        CompiledLambda function = f.function();
        if (!c.keywords().isEmpty()) throw source.typeError(c.keywords().getFirst().start(), "a lambda takes no keyword arguments");
        if (c.args().size() != function.arity()) {
            throw source.typeError(c.start(), "this function takes " + function.arity() + " argument" + (function.arity() == 1 ? "" : "s")
                    + " (" + function.source() + "), found " + c.args().size());
        }
        String hint = "; a lambda computes on single values: to apply it at every position of an S-Op use map or sequence_map";
        Object[] args = c.args().stream().map(a -> requirePlain(a, "an argument of a lambda", hint)).toArray();
        return plain(c.start(), () -> function.call(args));
    }

    private TopValue callPythonBuiltin(PythonBuiltins.Builtin builtin, Expr.Call c) {
        String name = builtin.name();
        if (!c.keywords().isEmpty()) throw source.typeError(c.keywords().getFirst().start(), name + "() takes no keyword arguments");
        if (c.args().size() < builtin.minArgs() || c.args().size() > builtin.maxArgs()) {
            throw source.typeError(c.start(), name + "() takes " + builtin.arity() + ", found " + c.args().size());
        }
        String hint = "; to apply it at every position use map(lambda x: " + name + "(x), sop)";
        List<Object> args = c.args().stream().map(a -> requirePlain(a, "an argument of " + name + "()", hint)).toList();
        return plain(c.start(), () -> builtin.call(args));
    }

    /** {@code expr.named("name")}, the one method of S-Ops and selectors. */
    private TopValue methodCall(Expr.Attribute method, Expr.Call c) {
        if (!method.name().equals("named")) {
            throw source.typeError(method.nameStart(), "unknown method '." + method.name() + "'"
                    + NameSuggestions.didYouMean(method.name(), List.of("named"))
                    + "; S-Ops and selectors have one method, .named(\"name\"); annotate with numerical(x) and categorical(x)");
        }
        TopValue target = evaluate(method.target());
        if (c.args().size() != 1 || !c.keywords().isEmpty()) {
            throw source.typeError(c.start(), ".named takes one argument, the name as a string: .named(\"x\")");
        }
        Object name = requirePlain(c.args().getFirst(), "the argument of .named", "");
        if (!(name instanceof String s) || s.isBlank()) {
            throw source.typeError(c.args().getFirst().start(), ".named needs a non-empty string, found "
                    + new TopValue.Plain(name).describe());
        }
        RaspExpr expr = switch (target) {
            case TopValue.SOpValue v -> v.sop();
            case TopValue.SelectorValue v -> v.selector();
            default -> throw source.typeError(method.start(), "only S-Ops and selectors have names, found " + describe(method.target(), target));
        };
        if (expr instanceof Tokens || expr instanceof Indices) {
            throw source.typeError(method.start(), expr + " is a primitive and keeps its name; name a copy: map(lambda x: x, " + expr + ").named(...)");
        }
        switch (expr) {
            case dev.glassbox.rasp.SOp sop -> sop.named(s);
            case dev.glassbox.rasp.Selector selector -> selector.named(s);
        }
        return target;
    }

    /** {@code Comparison.EQ}, Tracr's spelling of a comparison. */
    private TopValue attribute(Expr.Attribute a) {
        if (a.target() instanceof Expr.Name n && n.name().equals("Comparison") && environment.lookup("Comparison") == null) {
            for (Comparison c : Comparison.values()) if (c.name().equals(a.name())) return new TopValue.ComparisonValue(c);
            throw RaspBuiltins.unknownComparison(a.name(), a.nameStart(), source);
        }
        if (a.name().equals("named")) {
            throw source.typeError(a.nameStart(), "'.named' is a method; call it: .named(\"name\")");
        }
        throw source.typeError(a.nameStart(), "unknown attribute '." + a.name() + "'; only .named(\"name\") and Comparison.EQ ... exist");
    }

    /** Evaluates {@code e}, which must be a plain value, for the given use. */
    private Object requirePlain(Expr e, String use, String hint) {
        TopValue v = evaluate(e);
        if (v instanceof TopValue.Plain p) return p.value();
        throw source.typeError(e.start(), use + " must be a value, found " + describe(e, v) + hint);
    }

    private static String describe(Expr e, TopValue v) {
        return e instanceof Expr.Name n && !(v instanceof TopValue.Plain) ? v.describe() + " '" + n.name() + "'" : v.describe();
    }

    /** Computes a plain value; a Python error becomes a type error at {@code offset} (or where in a lambda it happened). */
    private TopValue plain(int offset, Supplier<Object> compute) {
        try {
            return new TopValue.Plain(compute.get());
        } catch (LambdaCompiler.LocatedError e) {
            throw source.typeError(e.offset, e.problem);
        } catch (RaspTypeError e) {
            throw source.typeError(offset, e.getMessage());
        }
    }
}
