package dev.glassbox.compiler.validate;

import dev.glassbox.compiler.CompileException;
import dev.glassbox.compiler.CompileException.Problem;
import dev.glassbox.compiler.CompileOptions;
import dev.glassbox.compiler.bases.Bases;
import dev.glassbox.compiler.bases.Findings;
import dev.glassbox.compiler.bases.ValueSet;
import dev.glassbox.compiler.craft.Directions;
import dev.glassbox.compiler.graph.ProgramGraph;
import dev.glassbox.rasp.Aggregate;
import dev.glassbox.rasp.ConstantSOp;
import dev.glassbox.rasp.Full;
import dev.glassbox.rasp.Indices;
import dev.glassbox.rasp.LinearSequenceMap;
import dev.glassbox.rasp.RaspExpr;
import dev.glassbox.rasp.RaspTypeError;
import dev.glassbox.rasp.SOp;
import dev.glassbox.rasp.Select;
import dev.glassbox.rasp.Selector;
import dev.glassbox.rasp.SelectorWidth;
import dev.glassbox.rasp.SequenceMap;
import dev.glassbox.rasp.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds every expression the compiler cannot turn into weights, before any weight is built, and reports
 * them all in one {@link CompileException}. Expressions are visited by identity: two expressions that
 * share a name are both checked (the original's validator tracks visited expressions by name, so the
 * second of two same-named expressions is never checked).
 *
 * <p>Two passes: {@link #checkStructure} needs only the program (encodings, kinds of selectors, defaults);
 * {@link #checkValues} needs the value sets and what running the program showed (numerical S-Ops that take
 * non-numbers, categorical means, None where a numerical encoding has no room for it, and for a causal
 * model, selectors that read later positions).
 */
public final class ProgramValidator {
    private ProgramValidator() {}

    /** Structural checks. @throws CompileException listing every problem */
    public static void checkStructure(ProgramGraph graph, CompileOptions options) {
        List<Problem> problems = new ArrayList<>();
        boolean compat = options.isCompat();
        for (RaspExpr e : graph.topological()) {
            String label = graph.label(e);
            String kind = ProgramGraph.kind(e);
            if (label.equals(Directions.ONE.name())) {
                problems.add(new Problem(label, kind, "the name 'one' is reserved for the constant direction of the "
                        + "residual stream; give the expression another name"));
            }
            switch (e) {
                case ConstantSOp c -> problems.add(new Problem(label, kind,
                        "a constant sequence exists for evaluation only; there is nothing to compile it from"));
                case Full f -> {
                    boolean onlySelects = !graph.readers(f).isEmpty();
                    for (RaspExpr r : graph.readers(f)) onlySelects &= r instanceof Select;
                    if (compat) {
                        problems.add(new Problem(label, kind, "the original compiler has no block for Full (it survives "
                                + "only when selector_and/or folds it into a predicate); compile in the default mode"));
                    } else if (!onlySelects) {
                        problems.add(new Problem(label, kind, "Full outside a Select: a constant sequence is compiled "
                                + "only as the keys or queries of a Select; to use a constant elsewhere, map the "
                                + "tokens to it (tokens.map(x -> " + Values.format(f.fill()) + "))"));
                    }
                }
                case Select s -> {
                    if (!s.keys().isCategorical() || !s.queries().isCategorical()) {
                        String which = !s.keys().isCategorical() ? "keys '" + graph.label(s.keys()) + "'"
                                : "queries '" + graph.label(s.queries()) + "'";
                        problems.add(new Problem(label, kind, "its " + which + " are numerically encoded, but an "
                                + "attention head compares categorical values; make them categorical"));
                    }
                }
                case Selector s -> {
                    if (graph.readers(s).stream().anyMatch(r -> !(r instanceof Selector))) {
                        problems.add(new Problem(label, kind, "a combined selector (and/or/not of Selects over "
                                + "different keys or queries) would need several attention patterns in one head; "
                                + "rewrite it as one Select whose predicate combines both, over the same keys and queries"));
                    }
                }
                case Aggregate a -> checkAggregate(graph, a, compat, problems);
                case LinearSequenceMap l -> {
                    boolean allNumerical = l.isNumerical() && l.fst().isNumerical() && l.snd().isNumerical();
                    if (compat && !allNumerical) {
                        problems.add(new Problem(label, kind, "the original compiles a LinearSequenceMap only with "
                                + "numerical inputs and output"));
                    } else if (!compat && l.isCategorical() && !(l.fst().isCategorical() && l.snd().isCategorical())) {
                        problems.add(new Problem(label, kind, "a categorical LinearSequenceMap needs categorical "
                                + "inputs; make the output numerical, or the inputs categorical"));
                    }
                }
                case SequenceMap s -> {
                    if (!(s.isCategorical() && s.fst().isCategorical() && s.snd().isCategorical())) {
                        problems.add(new Problem(label, kind, "a (non-linear) SequenceMap is a lookup table over "
                                + "pairs of categorical values, so its inputs and output must be categorical; "
                                + "use a LinearSequenceMap for a numerical a·x + b·y"));
                    }
                }
                default -> {}
            }
        }
        if (!problems.isEmpty()) throw new CompileException(problems);
    }

    private static void checkAggregate(ProgramGraph graph, Aggregate a, boolean compat, List<Problem> problems) {
        String label = graph.label(a);
        if (a.encoding() != a.sop().encoding()) {
            problems.add(new Problem(label, "Aggregate", "it is " + a.encoding() + " but aggregates the "
                    + a.sop().encoding() + " '" + graph.label(a.sop()) + "'; an attention head moves values without "
                    + "changing their encoding, so convert with a Map first (e.g. numerical(x.map(v -> v)))"));
        }
        Object d = a.defaultValue();
        if (compat) {
            if (a.isCategorical() && d != null) {
                problems.add(new Problem(label, "Aggregate", "the original supports only None as the default of a "
                        + "categorical Aggregate, not " + Values.describe(d)));
            } else if (a.isNumerical() && !(d != null && Values.isNumber(d) && Values.toDouble(d) == 0)) {
                problems.add(new Problem(label, "Aggregate", "the original supports only 0 as the default of a "
                        + "numerical Aggregate, not " + Values.describe(d)));
            }
        } else if (a.isNumerical() && d != null && !Values.isNumber(d)) {
            problems.add(new Problem(label, "Aggregate", "a numerical Aggregate's default must be a number, not "
                    + Values.describe(d)));
        }
    }

    /** Checks that need value sets and evidence. @throws CompileException listing every problem */
    public static void checkValues(Bases bases, CompileOptions options) {
        ProgramGraph graph = bases.graph();
        List<Problem> problems = new ArrayList<>();
        for (SOp s : graph.sops()) {
            ValueSet values = bases.valueSet(s);
            String label = graph.label(s);
            String kind = ProgramGraph.kind(s);
            if (s.isNumerical() && !values.allNumbers()) {
                Object bad = values.values().stream().filter(v -> !Values.isNumber(v)).findFirst().orElseThrow();
                problems.add(new Problem(label, kind, "it is numerically encoded but takes " + Values.describe(bad)
                        + ", which is not a number; encode it categorically, or map it to numbers"));
                continue;
            }
            if (options.isCompat()) continue;
            if (s.isNumerical() && values.nullable()) {
                problems.add(new Problem(label, kind, "it can be None (" + whyNone(graph, bases, s) + "), but a "
                        + "numerical encoding has no direction for 'no value'; give the Aggregate it comes from a "
                        + "default value"));
            }
            if (s instanceof Aggregate a && bases.mixedSelections().containsKey(a)) {
                Findings.MixedSelection m = bases.mixedSelections().get(a);
                problems.add(new Problem(label, kind, "this categorical Aggregate would average several different "
                        + "values: on input " + format(m.input()) + " position " + m.query() + " selects "
                        + format(m.selected()) + ". A categorical encoding can only move one value; make the "
                        + "selector pick one key per query, or aggregate a numerical S-Op"));
            }
        }
        if (options.causal() && !options.isCompat()) checkCausal(bases, options, problems);
        if (!problems.isEmpty()) throw new CompileException(problems);
    }

    private static void checkCausal(Bases bases, CompileOptions options, List<Problem> problems) {
        ProgramGraph graph = bases.graph();
        for (Selector s : graph.selectors()) {
            boolean used = graph.readers(s).stream().anyMatch(r -> r instanceof Aggregate || r instanceof SelectorWidth);
            if (!used) continue;
            String label = graph.label(s);
            Findings.LaterKey later = bases.laterKeys().get(s);
            if (later != null) {
                problems.add(new Problem(label, ProgramGraph.kind(s), "it reads later positions (on input "
                        + format(later.input()) + ", query " + later.query() + " selects key " + later.key()
                        + "), which a causal model cannot see, so the compiled model would silently compute "
                        + "something else; compile without --causal"));
            } else if (!bases.exhaustive() && !provablyCausal(s, options.maxSeqLen())) {
                problems.add(new Problem(label, ProgramGraph.kind(s), "cannot show that it reads only earlier "
                        + "positions (that is shown for Selects of indices against indices whose predicate is false "
                        + "for every key after its query, or by running every input, of which there are too many "
                        + "here); compile without --causal"));
            }
        }
    }

    private static boolean provablyCausal(Selector s, int maxSeqLen) {
        if (!(s instanceof Select sel) || !(sel.keys() instanceof Indices) || !(sel.queries() instanceof Indices)) return false;
        for (int q = 0; q < maxSeqLen; q++) {
            for (int k = q + 1; k < maxSeqLen; k++) {
                try {
                    if (sel.predicate().test(k, q)) return false;
                } catch (RaspTypeError e) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Where a None comes from: the first S-Op up the inputs that can be None while its inputs cannot. */
    private static String whyNone(ProgramGraph graph, Bases bases, SOp s) {
        SOp at = s;
        boolean moved = true;
        while (moved) {
            moved = false;
            for (RaspExpr c : at.children()) {
                if (c instanceof SOp x && bases.valueSet(x).nullable()) {
                    at = x;
                    moved = true;
                    break;
                }
            }
        }
        if (at instanceof Aggregate a && a.defaultValue() == null) {
            return at == s ? "its default is None" : "it reads '" + graph.label(at) + "', an Aggregate whose default is None";
        }
        return at == s ? "its function returns None" : "it reads '" + graph.label(at) + "', whose function returns None";
    }

    private static String format(List<Object> values) {
        return values.stream().map(Values::format).collect(Collectors.joining(", ", "[", "]"));
    }
}
