package dev.glassbox.rasp.text;

import dev.glassbox.rasp.Indices;
import dev.glassbox.rasp.RaspExpr;
import dev.glassbox.rasp.Tokens;
import dev.glassbox.rasp.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs the statements of a file in order, building its expressions and applying its directives.
 *
 * <p>Naming: {@code x = e} gives the expression {@code e} evaluates to the name {@code x} when it
 * has no name yet (Tracr's {@code e.named("x")}); {@code let x = e} binds without naming;
 * {@code e.named("n")} names explicitly. {@code tokens} and {@code indices} are never renamed.
 */
final class Elaborator {
    private final SourceText source;
    private final Environment environment;
    private final TopLevelEvaluator evaluator;
    private List<Object> vocab;
    private Integer maxSeqLen;

    private Elaborator(SourceText source, List<Stmt> statements) {
        this.source = source;
        Map<String, Integer> firstDefinitions = new HashMap<>();
        for (Stmt s : statements) if (s instanceof Stmt.Assign a) firstDefinitions.putIfAbsent(a.name(), a.start());
        this.environment = new Environment(firstDefinitions);
        this.evaluator = new TopLevelEvaluator(source, environment);
    }

    static RaspProgram elaborate(SourceText source, List<Stmt> statements) {
        return new Elaborator(source, statements).run(statements);
    }

    private RaspProgram run(List<Stmt> statements) {
        TopValue last = null;
        Stmt lastStatement = null;
        for (Stmt s : statements) {
            switch (s) {
                case Stmt.Vocab v -> vocab(v);
                case Stmt.MaxSeqLen m -> maxSeqLen(m);
                case Stmt.Assign a -> {
                    last = assign(a);
                    lastStatement = s;
                }
                case Stmt.ExprStmt e -> {
                    last = evaluator.evaluate(e.expr());
                    lastStatement = s;
                }
            }
        }
        if (lastStatement == null) {
            throw source.typeError(source.text().length(), "the file defines no program; its last statement gives the output, as in: "
                    + "length = selector_width(select(tokens, tokens, TRUE))");
        }
        if (!(last instanceof TopValue.SOpValue output)) {
            throw source.typeError(lastStatement.start(), "the last statement gives the program's output, which must be an S-Op; found "
                    + last.describe());
        }
        Map<String, RaspExpr> definitions = new LinkedHashMap<>();
        environment.definitions().forEach((name, v) -> { // S-Ops and selectors only: constants are not definitions
            if (v instanceof TopValue.SOpValue s) definitions.put(name, s.sop());
            if (v instanceof TopValue.SelectorValue s) definitions.put(name, s.selector());
        });
        return new RaspProgram(output.sop(), definitions, Optional.ofNullable(vocab),
                maxSeqLen == null ? OptionalInt.empty() : OptionalInt.of(maxSeqLen), source.text(), source.fileName());
    }

    private TopValue assign(Stmt.Assign a) {
        if (Environment.isBuiltin(a.name()) || a.name().equals("Comparison")) {
            throw source.typeError(a.nameStart(), "'" + a.name() + "' is built in and cannot be redefined; choose another name");
        }
        TopValue value = evaluator.evaluate(a.value());
        if (!a.isLet()) nameIfUnnamed(value, a.name());
        environment.define(a.name(), value);
        return value;
    }

    private static void nameIfUnnamed(TopValue value, String name) {
        switch (value) {
            case TopValue.SOpValue v when v.sop().name() == null && !(v.sop() instanceof Tokens || v.sop() instanceof Indices) ->
                    v.sop().named(name);
            case TopValue.SelectorValue v when v.selector().name() == null -> v.selector().named(name);
            default -> { }
        }
    }

    private void vocab(Stmt.Vocab v) {
        if (vocab != null) throw source.typeError(v.start(), "the vocab is given twice");
        List<Object> values = new ArrayList<>();
        for (Expr e : v.values()) {
            TopValue value = evaluator.evaluate(e);
            if (!(value instanceof TopValue.Plain p) || p.value() == null) {
                throw source.typeError(e.start(), "the vocab lists token values (numbers, strings, bools), found " + value.describe());
            }
            for (Object seen : values) {
                if (Values.equal(seen, p.value())) {
                    throw source.typeError(e.start(), "the vocab lists " + PythonOperators.repr(p.value()) + " twice");
                }
            }
            values.add(p.value());
        }
        vocab = values;
    }

    private void maxSeqLen(Stmt.MaxSeqLen m) {
        if (maxSeqLen != null) throw source.typeError(m.start(), "max_seq_len is given twice");
        TopValue value = evaluator.evaluate(m.value());
        if (!(value instanceof TopValue.Plain p) || !(p.value() instanceof Integer n) || n < 1) {
            throw source.typeError(m.value().start(), "max_seq_len must be a positive int, found " + value.describe());
        }
        maxSeqLen = n;
        environment.define("max_seq_len", value); // readable below the directive, e.g. in sort's unique keys
    }
}
