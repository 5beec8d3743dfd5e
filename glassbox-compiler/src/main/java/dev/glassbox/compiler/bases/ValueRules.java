package dev.glassbox.compiler.bases;

import dev.glassbox.compiler.CompileException;
import dev.glassbox.compiler.graph.ProgramGraph;
import dev.glassbox.rasp.Aggregate;
import dev.glassbox.rasp.ConstantSOp;
import dev.glassbox.rasp.Full;
import dev.glassbox.rasp.Indices;
import dev.glassbox.rasp.Map;
import dev.glassbox.rasp.RaspTypeError;
import dev.glassbox.rasp.SOp;
import dev.glassbox.rasp.SelectorWidth;
import dev.glassbox.rasp.SequenceMap;
import dev.glassbox.rasp.Tokens;
import dev.glassbox.rasp.Values;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Supplier;

/**
 * Value sets by rules, from the inputs' value sets forward (the original's method): tokens take the
 * vocabulary, indices 0..maxSeqLen-1, a SelectorWidth 0..maxSeqLen, a Map or SequenceMap its function
 * applied to every value (or pair) of its inputs. The two modes differ on Aggregates:
 *
 * <ul>
 *   <li>compat: a numerical mean takes {@code x/n} for x in the input's values and n in 1..maxSeqLen, and
 *       only of 0/1 inputs. That misses every other fraction (2/3 is not there), so a later numerical Map
 *       is built for the wrong values.
 *   <li>default: a numerical mean takes the mean of every multiset of 1..maxSeqLen input values, and the
 *       default value; None is tracked, so the output knows whether it needs a "no value".
 * </ul>
 */
final class ValueRules {
    private final ProgramGraph graph;
    private final List<Object> vocab;
    private final int maxSeqLen;
    private final boolean compat;
    private final IdentityHashMap<SOp, ValueSet> sets = new IdentityHashMap<>();

    private ValueRules(ProgramGraph graph, List<Object> vocab, int maxSeqLen, boolean compat) {
        this.graph = graph;
        this.vocab = vocab;
        this.maxSeqLen = maxSeqLen;
        this.compat = compat;
    }

    static IdentityHashMap<SOp, ValueSet> infer(ProgramGraph graph, List<Object> vocab, int maxSeqLen, boolean compat) {
        ValueRules rules = new ValueRules(graph, vocab, maxSeqLen, compat);
        for (SOp s : graph.sops()) rules.sets.put(s, rules.valueSet(s));
        return rules.sets;
    }

    private ValueSet valueSet(SOp sop) {
        return switch (sop) {
            case Tokens t -> ValueSet.of(vocab, false);
            case Indices i -> ValueSet.of(range(0, maxSeqLen - 1), false);
            case SelectorWidth w -> ValueSet.of(range(0, maxSeqLen), false);
            case Full f -> ValueSet.of(List.of(f.fill()), false);
            case ConstantSOp c -> ValueSet.of(c.values(), false);
            case Map m -> {
                ValueSet in = sets.get(m.inner());
                if (!in.isListed()) yield unlistedOrFail(sop, in.nullable());
                List<Object> out = new ArrayList<>();
                boolean nullable = in.nullable();
                for (Object x : in.values()) {
                    Object y = apply(sop, () -> m.f().apply(x));
                    if (y == NO_VALUE) continue;
                    if (y == null) nullable = true;
                    else out.add(y);
                }
                yield checked(sop, out, nullable);
            }
            case SequenceMap s -> {
                ValueSet a = sets.get(s.fst()), b = sets.get(s.snd());
                if (!a.isListed() || !b.isListed()) yield unlistedOrFail(sop, a.nullable() || b.nullable());
                if ((long) a.size() * b.size() > 10L * ValueSet.MAX_LISTED) yield unlistedOrFail(sop, true);
                LinkedHashMap<Object, Object> out = new LinkedHashMap<>();
                boolean nullable = a.nullable() || b.nullable();
                for (Object x : a.values()) {
                    for (Object y : b.values()) {
                        Object z = apply(sop, () -> s.f().apply(x, y));
                        if (z == NO_VALUE) continue;
                        if (z == null) nullable = true;
                        else out.putIfAbsent(Values.key(z), z);
                    }
                }
                yield checked(sop, out.values(), nullable);
            }
            case Aggregate a -> aggregate(a);
        };
    }

    private ValueSet aggregate(Aggregate a) {
        ValueSet in = sets.get(a.sop());
        if (a.isCategorical()) {
            if (compat) return new ValueSet(in.values(), in.nullable());
            List<Object> out = new ArrayList<>(in.isListed() ? in.values() : List.of());
            if (a.defaultValue() != null) out.add(a.defaultValue());
            return ValueSet.of(out, in.nullable() || a.defaultValue() == null);
        }
        if (compat) return tracrMean(a, in);
        if (!in.isListed()) return ValueSet.unlisted(in.nullable());
        for (Object v : in.values()) {
            if (!Values.isNumber(v)) return ValueSet.of(in.values(), in.nullable()); // the validator reports it
        }
        List<Object> means = multisetMeans(in.values());
        if (means == null) return ValueSet.unlisted(in.nullable() || a.defaultValue() == null);
        if (a.defaultValue() != null) means.add(a.defaultValue());
        return ValueSet.of(means, in.nullable() || a.defaultValue() == null);
    }

    /** The original: x/n for x in the values and n in 1..maxSeqLen, for 0/1 values only. */
    private ValueSet tracrMean(Aggregate a, ValueSet in) {
        List<Object> out = new ArrayList<>();
        for (Object x : in.values()) {
            if (!Values.isNumber(x)) {
                throw CompileException.of(graph.label(a), "Aggregate", "a numerical Aggregate averages " + Values.describe(x)
                        + ", which is not a number (the original compiler fails here too)");
            }
            double truncated = Values.toDouble(x) < 0 ? Math.ceil(Values.toDouble(x)) : Math.floor(Values.toDouble(x));
            if (truncated != 0 && truncated != 1) {
                throw CompileException.of(graph.label(a), "Aggregate", "the original compiler averages only 0/1 values, not "
                        + Values.describe(x) + "; compile in the default mode, which averages any numbers");
            }
            for (int n = 1; n <= maxSeqLen; n++) out.add(Values.toDouble(x) / n);
        }
        return ValueSet.of(out, in.nullable());
    }

    /**
     * Every mean of a multiset of 1..maxSeqLen of {@code values}, or null if there are too many. Sums are
     * exact (decimal), so a mean that is 0 is 0 and not a rounding error next to it.
     */
    private List<Object> multisetMeans(List<Object> values) {
        LinkedHashMap<Object, Double> means = new LinkedHashMap<>();
        java.util.Set<java.math.BigDecimal> sums = new java.util.LinkedHashSet<>();
        sums.add(java.math.BigDecimal.ZERO);
        List<java.math.BigDecimal> exact = new ArrayList<>();
        for (Object v : values) exact.add(new java.math.BigDecimal(Values.toDouble(v)));
        for (int n = 1; n <= maxSeqLen; n++) {
            java.util.Set<java.math.BigDecimal> next = new java.util.LinkedHashSet<>();
            for (java.math.BigDecimal s : sums) {
                for (java.math.BigDecimal v : exact) next.add(s.add(v).stripTrailingZeros());
                if (next.size() > ValueSet.MAX_LISTED) return null;
            }
            sums = next;
            java.math.BigDecimal count = java.math.BigDecimal.valueOf(n);
            for (java.math.BigDecimal s : sums) {
                double mean = s.divide(count, java.math.MathContext.DECIMAL128).doubleValue();
                means.putIfAbsent(Values.key(mean), mean);
                if (means.size() > ValueSet.MAX_LISTED) return null;
            }
        }
        return new ArrayList<>(means.values());
    }

    private ValueSet checked(SOp sop, java.util.Collection<Object> values, boolean nullable) {
        ValueSet set = ValueSet.of(values, nullable);
        if (set.size() > ValueSet.MAX_LISTED) return unlistedOrFail(sop, nullable);
        return set;
    }

    private ValueSet unlistedOrFail(SOp sop, boolean nullable) {
        if (sop.isNumerical()) return ValueSet.unlisted(nullable);
        throw CompileException.of(graph.label(sop), ProgramGraph.kind(sop), "it can take more than "
                + ValueSet.MAX_LISTED + " values, one residual dimension each; encode it numerically or shrink "
                + "the vocabulary or max sequence length");
    }

    private static final Object NO_VALUE = new Object();

    /** Applies a RASP function, the original's way: a value it raises on is left out. */
    private static Object apply(SOp sop, Supplier<Object> f) {
        try {
            return f.get();
        } catch (RaspTypeError | ArithmeticException e) {
            return NO_VALUE;
        }
    }

    private static List<Object> range(int from, int to) {
        List<Object> out = new ArrayList<>();
        for (int i = from; i <= to; i++) out.add(i);
        return out;
    }
}
