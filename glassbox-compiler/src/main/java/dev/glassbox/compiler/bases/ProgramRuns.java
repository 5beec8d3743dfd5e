package dev.glassbox.compiler.bases;

import dev.glassbox.compiler.graph.ProgramGraph;
import dev.glassbox.rasp.Aggregate;
import dev.glassbox.rasp.ConstantSOp;
import dev.glassbox.rasp.Evaluator;
import dev.glassbox.rasp.Full;
import dev.glassbox.rasp.Indices;
import dev.glassbox.rasp.LinearSequenceMap;
import dev.glassbox.rasp.Map;
import dev.glassbox.rasp.RaspExpr;
import dev.glassbox.rasp.SOp;
import dev.glassbox.rasp.Select;
import dev.glassbox.rasp.Selector;
import dev.glassbox.rasp.SelectorAnd;
import dev.glassbox.rasp.SelectorNot;
import dev.glassbox.rasp.SelectorOr;
import dev.glassbox.rasp.SelectorWidth;
import dev.glassbox.rasp.SequenceMap;
import dev.glassbox.rasp.Tokens;
import dev.glassbox.rasp.Values;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs a program on inputs, expression by expression, and records what each S-Op took and what each
 * selector and Aggregate did. Every expression is evaluated by the RASP {@link Evaluator} itself, on the
 * already computed values of its children (given as constants), so the semantics are the evaluator's and
 * each expression is computed once per input.
 */
final class ProgramRuns {
    private final ProgramGraph graph;
    private final boolean recordValues;
    private final Evaluator evaluator = Evaluator.standard();
    final IdentityHashMap<SOp, LinkedHashMap<Object, Object>> values = new IdentityHashMap<>();
    final IdentityHashMap<SOp, Boolean> nullable = new IdentityHashMap<>();
    final IdentityHashMap<Aggregate, Findings.MixedSelection> mixed = new IdentityHashMap<>();
    final IdentityHashMap<Selector, Findings.LaterKey> later = new IdentityHashMap<>();
    long inputsRun;

    ProgramRuns(ProgramGraph graph, boolean recordValues) {
        this.graph = graph;
        this.recordValues = recordValues;
        for (SOp s : graph.sops()) {
            values.put(s, new LinkedHashMap<>());
            nullable.put(s, false);
        }
    }

    /** Σ_{n=1..maxLen} vocab^n, or {@code cap + 1} as soon as it exceeds {@code cap}. */
    static long inputCount(int vocabSize, int maxLen, long cap) {
        long total = 0, perLength = 1;
        for (int n = 1; n <= maxLen; n++) {
            if (perLength > (cap + 1) / Math.max(1, vocabSize) + 1) return cap + 1;
            perLength *= vocabSize;
            total += perLength;
            if (total > cap) return cap + 1;
        }
        return total;
    }

    /** Runs every input over {@code vocab} of length 1..maxLen, shortest first. */
    void runAll(List<Object> vocab, int maxLen) {
        for (int n = 1; n <= maxLen; n++) {
            int[] digits = new int[n];
            while (true) {
                List<Object> input = new ArrayList<>(n);
                for (int d : digits) input.add(vocab.get(d));
                run(input);
                int i = n - 1;
                while (i >= 0 && ++digits[i] == vocab.size()) digits[i--] = 0;
                if (i < 0) break;
            }
        }
    }

    /** Runs {@code count} inputs drawn with a fixed seed: a uniform length, then uniform tokens. */
    void runSample(List<Object> vocab, int maxLen, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            int n = 1 + random.nextInt(maxLen);
            List<Object> input = new ArrayList<>(n);
            for (int p = 0; p < n; p++) input.add(vocab.get(random.nextInt(vocab.size())));
            run(input);
        }
    }

    /** Runs one input; its values are recorded only if the whole program is defined on it. */
    void run(List<Object> input) {
        IdentityHashMap<RaspExpr, Object> computed = new IdentityHashMap<>();
        for (RaspExpr e : graph.topological()) {
            Object result;
            try {
                result = evaluate(e, input, computed);
            } catch (RuntimeException undefined) {
                return; // RASP has no value on this input (a function raised): nothing to learn from it
            }
            computed.put(e, result);
        }
        inputsRun++;
        if (!recordValues) return;
        for (SOp s : graph.sops()) {
            @SuppressWarnings("unchecked")
            List<Object> vs = (List<Object>) computed.get(s);
            LinkedHashMap<Object, Object> seen = values.get(s);
            for (Object v : vs) {
                if (v == null) nullable.put(s, true);
                else seen.putIfAbsent(Values.key(v), v);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Object evaluate(RaspExpr e, List<Object> input, IdentityHashMap<RaspExpr, Object> computed) {
        return switch (e) {
            case Tokens t -> evaluator.evaluate(t, input);
            case Indices i -> evaluator.evaluate(i, input);
            case Full f -> evaluator.evaluate(f, input);
            case ConstantSOp c -> evaluator.evaluate(c, input);
            case Map m -> evaluator.evaluate(new Map(m.f(), constant(m.inner(), computed), false), input);
            case LinearSequenceMap l -> evaluator.evaluate(new LinearSequenceMap(constant(l.fst(), computed),
                    constant(l.snd(), computed), l.fstFactor(), l.sndFactor()), input);
            case SequenceMap s -> evaluator.evaluate(
                    new SequenceMap(s.f(), constant(s.fst(), computed), constant(s.snd(), computed)), input);
            case Select s -> {
                boolean[][] m = evaluator.evaluate(
                        new Select(constant(s.keys(), computed), constant(s.queries(), computed), s.predicate()), input);
                noteLaterKeys(s, m, input);
                yield m;
            }
            case SelectorAnd a -> combine((boolean[][]) computed.get(a.fst()), (boolean[][]) computed.get(a.snd()), true);
            case SelectorOr o -> combine((boolean[][]) computed.get(o.fst()), (boolean[][]) computed.get(o.snd()), false);
            case SelectorNot n -> {
                boolean[][] x = (boolean[][]) computed.get(n.inner());
                boolean[][] m = new boolean[x.length][];
                for (int q = 0; q < x.length; q++) {
                    m[q] = new boolean[x[q].length];
                    for (int k = 0; k < x[q].length; k++) m[q][k] = !x[q][k];
                }
                yield m;
            }
            case SelectorWidth w -> evaluator.evaluate(new SelectorWidth(matrixSelector((boolean[][]) computed.get(w.selector()))), input);
            case Aggregate a -> {
                boolean[][] m = (boolean[][]) computed.get(a.selector());
                List<Object> vs = (List<Object>) computed.get(a.sop());
                if (a.isCategorical()) noteMixedSelection(a, m, vs, input);
                yield evaluator.evaluate(new Aggregate(matrixSelector(m), new ConstantSOp(vs, true), a.defaultValue()), input);
            }
        };
    }

    private void noteLaterKeys(Selector s, boolean[][] m, List<Object> input) {
        if (later.containsKey(s)) return;
        for (int q = 0; q < m.length; q++) {
            for (int k = q + 1; k < m[q].length; k++) {
                if (m[q][k]) {
                    later.put(s, new Findings.LaterKey(List.copyOf(input), q, k));
                    return;
                }
            }
        }
    }

    private void noteMixedSelection(Aggregate a, boolean[][] m, List<Object> vs, List<Object> input) {
        if (mixed.containsKey(a)) return;
        for (int q = 0; q < m.length; q++) {
            LinkedHashMap<Object, Object> distinct = new LinkedHashMap<>();
            List<Object> selected = new ArrayList<>();
            for (int k = 0; k < m[q].length; k++) {
                if (!m[q][k]) continue;
                Object v = vs.get(k);
                selected.add(v);
                distinct.putIfAbsent(v == null ? "\0None" : Values.key(v), v);
            }
            if (distinct.size() > 1) {
                mixed.put(a, new Findings.MixedSelection(List.copyOf(input), q, java.util.Collections.unmodifiableList(selected)));
                return;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static SOp constant(SOp child, IdentityHashMap<RaspExpr, Object> computed) {
        return new ConstantSOp((List<Object>) computed.get(child), true);
    }

    private static boolean[][] combine(boolean[][] x, boolean[][] y, boolean and) {
        boolean[][] m = new boolean[x.length][];
        for (int q = 0; q < x.length; q++) {
            m[q] = new boolean[x[q].length];
            for (int k = 0; k < x[q].length; k++) m[q][k] = and ? x[q][k] && y[q][k] : x[q][k] || y[q][k];
        }
        return m;
    }

    /** A Select that reproduces a given selection matrix (keys and queries are the positions). */
    private static Select matrixSelector(boolean[][] m) {
        List<Object> positions = new ArrayList<>(m.length);
        for (int i = 0; i < m.length; i++) positions.add(i);
        ConstantSOp pos = new ConstantSOp(positions, true);
        return new Select(pos, pos, (k, q) -> m[(Integer) q][(Integer) k]);
    }
}
