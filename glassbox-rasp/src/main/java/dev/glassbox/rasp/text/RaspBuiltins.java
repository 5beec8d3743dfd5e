package dev.glassbox.rasp.text;

import static dev.glassbox.rasp.text.Signature.Param.optional;
import static dev.glassbox.rasp.text.Signature.Param.required;

import dev.glassbox.rasp.Aggregate;
import dev.glassbox.rasp.Comparison;
import dev.glassbox.rasp.ConstantSOp;
import dev.glassbox.rasp.Full;
import dev.glassbox.rasp.Indices;
import dev.glassbox.rasp.LinearSequenceMap;
import dev.glassbox.rasp.Map;
import dev.glassbox.rasp.Rasp;
import dev.glassbox.rasp.SOp;
import dev.glassbox.rasp.Select;
import dev.glassbox.rasp.SelectorWidth;
import dev.glassbox.rasp.SequenceMap;
import dev.glassbox.rasp.Tokens;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.function.Function;

/**
 * The functions that build RASP expressions, by their text names: map, sequence_map,
 * linear_sequence_map, full, constant_sop, select, aggregate, selector_width, numerical, categorical,
 * selector_and, selector_or, selector_not. Each checks the kinds of its arguments and builds the core
 * expression through its ordinary constructor, so Tracr's simplifications (Map fusion, Select
 * folding) happen exactly as in the Java DSL.
 */
final class RaspBuiltins {
    private RaspBuiltins() {}

    private record Builtin(Signature signature, Function<BoundArguments, TopValue> build) { }

    private static final java.util.Map<String, Builtin> ALL = builtins();

    private static java.util.Map<String, Builtin> builtins() {
        java.util.Map<String, Builtin> m = new LinkedHashMap<>();
        add(m, Signature.of("map", required("f"), required("sop"), optional("simplify", true)),
                a -> sop(new Map(a.function("f", 1).toValueFunction(), a.sop("sop"), a.bool("simplify"))));
        add(m, Signature.of("sequence_map", required("f"), required("fst"), required("snd")),
                a -> sop(new SequenceMap(a.function("f", 2).toValueFunction2(), a.sop("fst"), a.sop("snd"))));
        add(m, Signature.of("linear_sequence_map", required("fst"), required("snd"), required("fst_factor"), required("snd_factor")),
                a -> sop(new LinearSequenceMap(a.sop("fst"), a.sop("snd"), a.number("fst_factor"), a.number("snd_factor"))));
        add(m, Signature.of("full", required("fill")), a -> sop(new Full(a.value("fill"))));
        add(m, Signature.of("constant_sop", required("values"), optional("check_length", true)),
                a -> sop(new ConstantSOp(a.tuple("values"), a.bool("check_length"))));
        add(m, Signature.of("select", required("keys"), required("queries"), required("predicate")),
                a -> new TopValue.SelectorValue(new Select(a.sop("keys"), a.sop("queries"), a.predicate("predicate"))));
        add(m, Signature.of("aggregate", required("selector"), required("sop"), optional("default", null)),
                a -> sop(new Aggregate(a.selector("selector"), a.sop("sop"), a.scalar("default"))));
        add(m, Signature.of("selector_width", required("selector")), a -> sop(new SelectorWidth(a.selector("selector"))));
        add(m, Signature.of("numerical", required("sop")), a -> sop(annotatable(a).numerical()));
        add(m, Signature.of("categorical", required("sop")), a -> sop(annotatable(a).categorical()));
        add(m, Signature.of("selector_and", required("fst"), required("snd")),
                a -> new TopValue.SelectorValue(Rasp.selectorAnd(a.selector("fst"), a.selector("snd"))));
        add(m, Signature.of("selector_or", required("fst"), required("snd")),
                a -> new TopValue.SelectorValue(Rasp.selectorOr(a.selector("fst"), a.selector("snd"))));
        add(m, Signature.of("selector_not", required("selector")),
                a -> new TopValue.SelectorValue(Rasp.selectorNot(a.selector("selector"))));
        return Collections.unmodifiableMap(m);
    }

    private static void add(java.util.Map<String, Builtin> m, Signature signature, Function<BoundArguments, TopValue> build) {
        m.put(signature.function(), new Builtin(signature, build));
    }

    private static TopValue sop(SOp sop) {
        return new TopValue.SOpValue(sop);
    }

    static boolean isFunction(String name) {
        return ALL.containsKey(name);
    }

    static Set<String> functionNames() {
        return ALL.keySet();
    }

    static String usage(String name) {
        return ALL.get(name).signature().usage();
    }

    /** Checks and evaluates a call of the built-in {@code name}. */
    static TopValue call(String name, Expr.Call call, Function<Expr, TopValue> evaluate, Environment environment, SourceText source) {
        Builtin builtin = ALL.get(name);
        if (name.equals("select")) checkComparisonName(call, builtin.signature(), environment, source);
        return builtin.build().apply(builtin.signature().bind(call, evaluate, source));
    }

    /** A Select's predicate written as an unknown bare name is a misspelt comparison, and is reported as one. */
    private static void checkComparisonName(Expr.Call call, Signature signature, Environment environment, SourceText source) {
        Expr predicate = call.args().size() > 2 ? call.args().get(2) : null;
        for (Expr.Keyword k : call.keywords()) if (k.name().equals("predicate")) predicate = k.value();
        if (predicate instanceof Expr.Name n && environment.lookup(n.name()) == null && !Environment.isBuiltin(n.name())) {
            throw unknownComparison(n.name(), n.start(), source);
        }
    }

    static RaspTypeCheckException unknownComparison(String name, int offset, SourceText source) {
        return source.typeError(offset, "unknown comparison '" + name + "'"
                + NameSuggestions.didYouMean(name, Arrays.stream(Comparison.values()).map(Enum::name).toList())
                + " (the comparisons are " + BoundArguments.comparisonNames() + ")");
    }

    /** The S-Op of numerical()/categorical(), which must be an S-Op that can carry an encoding. */
    private static SOp annotatable(BoundArguments a) {
        String function = a.signature().function();
        if (a.get("sop") instanceof TopValue.SelectorValue) {
            throw a.source().typeError(a.expr("sop").start(), function + "() annotates an S-Op, found a selector; selectors have no encoding");
        }
        SOp sop = a.sop("sop");
        if ((sop instanceof Tokens || sop instanceof Indices) && function.equals("numerical")) {
            throw a.source().typeError(a.expr("sop").start(), sop + " is always categorical; annotate a copy instead: numerical(map(lambda x: x, "
                    + sop + "))");
        }
        return sop;
    }
}
