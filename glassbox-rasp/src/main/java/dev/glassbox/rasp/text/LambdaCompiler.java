package dev.glassbox.rasp.text;

import dev.glassbox.rasp.RaspTypeError;
import dev.glassbox.rasp.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a lambda and compiles its body into {@link Code}. A body computes on single values: it may
 * use its parameters, the file's constants and lambdas (bound when the lambda is defined), the
 * Python builtins and literals, but no S-Op or selector. Every name is resolved here, so an unknown
 * name is an error at parse time, not when the program first runs.
 *
 * <p>Errors while the function runs (say {@code 'a' - 1}) are {@link RaspTypeError}s whose message
 * starts with the {@code file:line:col} of the failing operation.
 */
final class LambdaCompiler {
    private final SourceText source;
    private final Environment environment;
    private final List<String> params;

    private LambdaCompiler(SourceText source, Environment environment, List<String> params) {
        this.source = source;
        this.environment = environment;
        this.params = params;
    }

    static CompiledLambda compile(Expr.Lambda lambda, SourceText source, Environment environment) {
        Code body = new LambdaCompiler(source, environment, lambda.params()).compile(lambda.body());
        return new CompiledLambda(lambda.source(), lambda.params(), body);
    }

    private Code compile(Expr e) {
        return switch (e) {
            case Expr.Literal l -> constant(l.value());
            case Expr.Name n -> name(n);
            case Expr.Tuple t -> tuple(t);
            case Expr.Unary u -> {
                Code operand = compile(u.operand());
                yield located(u.start(), args -> PythonOperators.unary(u.op(), operand.run(args)));
            }
            case Expr.Binary b -> {
                Code left = compile(b.left()), right = compile(b.right());
                yield located(b.opStart(), args -> PythonOperators.binary(b.op(), left.run(args), right.run(args)));
            }
            case Expr.Compare c -> compare(c);
            case Expr.Logical l -> {
                Code left = compile(l.left()), right = compile(l.right());
                yield l.isAnd()
                        ? args -> { Object x = left.run(args); return Values.truthy(x) ? right.run(args) : x; }
                        : args -> { Object x = left.run(args); return Values.truthy(x) ? x : right.run(args); };
            }
            case Expr.Not n -> {
                Code operand = compile(n.operand());
                yield args -> !Values.truthy(operand.run(args));
            }
            case Expr.Conditional c -> {
                Code condition = compile(c.condition()), then = compile(c.then()), otherwise = compile(c.otherwise());
                yield args -> Values.truthy(condition.run(args)) ? then.run(args) : otherwise.run(args);
            }
            case Expr.Lambda l -> throw source.typeError(l.start(),
                    "a lambda cannot be defined inside a lambda body; define it at the top level (let f = lambda ...) and call it");
            case Expr.Call c -> call(c);
            case Expr.Attribute a -> throw source.typeError(a.nameStart(),
                    "values have no attributes or methods ('." + a.name() + "'); inside a lambda body, use operators and builtins");
            case Expr.Index i -> {
                Code target = compile(i.target()), index = compile(i.index());
                yield located(i.start(), args -> PythonOperators.index(target.run(args), index.run(args)));
            }
        };
    }

    private static Code constant(Object value) {
        return args -> value;
    }

    private Code name(Expr.Name n) {
        int slot = params.indexOf(n.name());
        if (slot >= 0) return args -> args[slot];
        TopValue v = environment.lookup(n.name());
        if (v instanceof TopValue.Plain p) return constant(p.value());
        throw notAValue(n, v);
    }

    /** Why a name that is not a parameter or a constant cannot be read in a lambda body. */
    private RaspTypeCheckException notAValue(Expr.Name n, TopValue v) {
        String name = n.name();
        String problem = switch (v) {
            case TopValue.SOpValue s -> "'" + name + "' is an S-Op, but a lambda body computes on single values"
                    + " (its parameters " + paramList() + " and constants); pass S-Ops to map or sequence_map instead";
            case TopValue.SelectorValue s -> "'" + name + "' is a selector and cannot be used inside a lambda body";
            case TopValue.ComparisonValue c -> "'" + name + "' is a comparison for select; inside a lambda body compare values"
                    + " with operators, as in " + c.comparison();
            case TopValue.FunctionValue f -> "'" + name + "' is a function; call it: " + name + "(...)";
            case TopValue.Plain p -> throw new IllegalStateException("constants are always readable");
            case null -> {
                if (PythonBuiltins.ALL.containsKey(name)) yield "'" + name + "' is a builtin function; call it: " + name + "(...)";
                if (RaspBuiltins.isFunction(name)) yield "'" + name + "' builds RASP expressions and cannot be used inside a lambda body";
                if (name.equals("max_seq_len")) yield "max_seq_len is only known below the max_seq_len directive (max_seq_len 5)";
                Integer later = environment.definedLaterAt(name);
                if (later != null) yield "'" + name + "' is used before its definition at " + source.lineColumn(later);
                yield "unknown name '" + name + "' in a lambda body" + NameSuggestions.didYouMean(name, namesInScope());
            }
        };
        return source.typeError(n.start(), problem);
    }

    private String paramList() {
        return params.isEmpty() ? "(none)" : String.join(", ", params);
    }

    private Set<String> namesInScope() {
        Set<String> names = new LinkedHashSet<>(params);
        environment.definitions().forEach((name, v) -> {
            if (v instanceof TopValue.Plain || v instanceof TopValue.FunctionValue) names.add(name);
        });
        names.addAll(PythonBuiltins.ALL.keySet());
        names.addAll(List.of("True", "False", "None"));
        return names;
    }

    private Code tuple(Expr.Tuple t) {
        List<Code> items = t.items().stream().map(this::compile).toList();
        return args -> {
            List<Object> out = new ArrayList<>(items.size());
            for (Code item : items) out.add(item.run(args));
            return Collections.unmodifiableList(out);
        };
    }

    /** Python's chained comparison: {@code a < b < c} is {@code a < b and b < c}, evaluating b once. */
    private Code compare(Expr.Compare c) {
        Code first = compile(c.first());
        List<Code> rest = c.rest().stream().map(this::compile).toList();
        return args -> {
            Object left = first.run(args);
            for (int i = 0; i < rest.size(); i++) {
                Object right = rest.get(i).run(args);
                if (!comparison(c, i, left, right)) return false;
                left = right;
            }
            return true;
        };
    }

    private boolean comparison(Expr.Compare c, int i, Object left, Object right) {
        try {
            return PythonOperators.compare(c.ops().get(i), left, right);
        } catch (LocatedError e) {
            throw e;
        } catch (RaspTypeError e) {
            throw new LocatedError(source, c.opStarts().get(i), e.getMessage());
        }
    }

    private Code call(Expr.Call c) {
        if (!(c.callee() instanceof Expr.Name callee)) {
            throw source.typeError(c.callee().start(), "only builtins and lambdas defined at the top level can be called in a lambda body");
        }
        String name = callee.name();
        if (!c.keywords().isEmpty()) {
            throw source.typeError(c.keywords().getFirst().start(), name + "() takes no keyword arguments in a lambda body");
        }
        List<Code> argCodes = c.args().stream().map(this::compile).toList();
        if (params.contains(name)) throw source.typeError(callee.start(), "'" + name + "' is a parameter (a value), not a function");
        TopValue v = environment.lookup(name);
        if (v instanceof TopValue.FunctionValue f) {
            CompiledLambda function = f.function();
            if (argCodes.size() != function.arity()) {
                throw source.typeError(c.start(), "'" + name + "' takes " + function.arity() + " argument"
                        + (function.arity() == 1 ? "" : "s") + " (" + function.source() + "), found " + argCodes.size());
            }
            return args -> function.call(runAll(argCodes, args).toArray());
        }
        PythonBuiltins.Builtin builtin = v == null ? PythonBuiltins.ALL.get(name) : null;
        if (builtin != null) {
            if (argCodes.size() < builtin.minArgs() || argCodes.size() > builtin.maxArgs()) {
                throw source.typeError(c.start(), name + "() takes " + builtin.arity() + ", found " + argCodes.size());
            }
            return located(c.start(), args -> builtin.call(runAll(argCodes, args)));
        }
        throw notAValue(callee, v);
    }

    private static List<Object> runAll(List<Code> codes, Object[] args) {
        List<Object> values = new ArrayList<>(codes.size());
        for (Code code : codes) values.add(code.run(args));
        return values;
    }

    /** Runs {@code code}, prefixing the location of {@code offset} to a type error it raises first. */
    private Code located(int offset, Code code) {
        return args -> {
            try {
                return code.run(args);
            } catch (LocatedError e) {
                throw e;
            } catch (RaspTypeError e) {
                throw new LocatedError(source, offset, e.getMessage());
            }
        };
    }

    /** A type error inside a lambda body, whose message starts with where it happened. */
    static final class LocatedError extends RaspTypeError {
        final int offset;
        final String problem;

        LocatedError(SourceText source, int offset, String problem) {
            super(source.prefix(offset) + problem);
            this.offset = offset;
            this.problem = problem;
        }
    }
}
