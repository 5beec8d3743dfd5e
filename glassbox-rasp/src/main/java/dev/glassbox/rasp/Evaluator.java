package dev.glassbox.rasp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Evaluates RASP programs on an input sequence: the ground truth every compiled model is checked
 * against. Each expression is evaluated once per input (memoised by identity), so shared
 * sub-programs cost nothing extra.
 *
 * <p>The {@link #causal() causal} evaluator masks every selector to keys at or before the query
 * (Tracr's {@code CausalEvaluator}): what a causally compiled model can compute.
 */
public final class Evaluator {
    private final boolean causal;

    private Evaluator(boolean causal) {
        this.causal = causal;
    }

    public static Evaluator standard() {
        return new Evaluator(false);
    }

    public static Evaluator causal() {
        return new Evaluator(true);
    }

    public boolean isCausal() {
        return causal;
    }

    /** The value of {@code sop} at every position of {@code input}. */
    public List<Object> evaluate(SOp sop, List<?> input) {
        return new Run(input).sop(sop);
    }

    /** The selection matrix [query][key] of {@code selector} on {@code input}. */
    public boolean[][] evaluate(Selector selector, List<?> input) {
        return new Run(input).selector(selector);
    }

    /** One evaluation: the input and the memo of every expression evaluated on it. */
    private final class Run {
        private final List<Object> input;
        private final IdentityHashMap<RaspExpr, Object> memo = new IdentityHashMap<>();

        Run(List<?> input) {
            List<Object> copy = new ArrayList<>(input.size());
            for (Object v : input) copy.add(Values.requireValue(v));
            this.input = Collections.unmodifiableList(copy);
        }

        @SuppressWarnings("unchecked")
        List<Object> sop(SOp sop) {
            Object cached = memo.get(sop);
            if (cached == null) {
                try {
                    cached = computeSop(sop);
                } catch (RaspTypeError e) {
                    throw new RaspEvaluationException(sop, input, e.getMessage());
                }
                memo.put(sop, cached);
            }
            return (List<Object>) cached;
        }

        boolean[][] selector(Selector selector) {
            Object cached = memo.get(selector);
            if (cached == null) {
                boolean[][] m;
                try {
                    m = computeSelector(selector);
                } catch (RaspTypeError e) {
                    throw new RaspEvaluationException(selector, input, e.getMessage());
                }
                if (causal) {
                    for (int q = 0; q < m.length; q++) {
                        for (int k = q + 1; k < m[q].length; k++) m[q][k] = false;
                    }
                }
                cached = m;
                memo.put(selector, cached);
            }
            return (boolean[][]) cached;
        }

        private List<Object> computeSop(SOp sop) {
            int n = input.size();
            List<Object> out = new ArrayList<>(n);
            switch (sop) {
                case Tokens t -> out.addAll(input);
                case Indices i -> {
                    for (int p = 0; p < n; p++) out.add(p);
                }
                case Map m -> {
                    for (Object x : sop(m.inner())) out.add(x == null ? null : Values.requireValue(m.f().apply(x)));
                }
                case SequenceMap s -> {
                    List<Object> xs = sop(s.fst()), ys = sop(s.snd());
                    for (int p = 0; p < n; p++) {
                        Object x = xs.get(p), y = ys.get(p);
                        out.add(x == null || y == null ? null : Values.requireValue(s.f().apply(x, y)));
                    }
                }
                case Full f -> {
                    for (int p = 0; p < n; p++) out.add(f.fill());
                }
                case ConstantSOp c -> {
                    if (c.checkLength() && c.values().size() != n) {
                        throw new RaspTypeError("constant of length " + c.values().size() + " does not match input length " + n);
                    }
                    out.addAll(c.values());
                }
                case SelectorWidth w -> {
                    for (boolean[] row : selector(w.selector())) {
                        int count = 0;
                        for (boolean b : row) if (b) count++;
                        out.add(count);
                    }
                }
                case Aggregate a -> {
                    boolean[][] m = selector(a.selector());
                    List<Object> values = sop(a.sop());
                    for (boolean[] row : m) out.add(mean(row, values, a.defaultValue()));
                }
            }
            return Collections.unmodifiableList(out);
        }

        private boolean[][] computeSelector(Selector selector) {
            int n = input.size();
            boolean[][] m = new boolean[n][n];
            switch (selector) {
                case Select s -> {
                    List<Object> keys = sop(s.keys()), queries = sop(s.queries());
                    for (int q = 0; q < n; q++) {
                        for (int k = 0; k < n; k++) m[q][k] = s.predicate().test(keys.get(k), queries.get(q));
                    }
                }
                case SelectorAnd a -> {
                    boolean[][] x = selector(a.fst()), y = selector(a.snd());
                    for (int q = 0; q < n; q++) for (int k = 0; k < n; k++) m[q][k] = x[q][k] && y[q][k];
                }
                case SelectorOr o -> {
                    boolean[][] x = selector(o.fst()), y = selector(o.snd());
                    for (int q = 0; q < n; q++) for (int k = 0; k < n; k++) m[q][k] = x[q][k] || y[q][k];
                }
                case SelectorNot not -> {
                    boolean[][] x = selector(not.inner());
                    for (int q = 0; q < n; q++) for (int k = 0; k < n; k++) m[q][k] = !x[q][k];
                }
            }
            return m;
        }
    }

    /**
     * Tracr's aggregation of the selected values: the default when none is selected, the value itself
     * when one is, the arithmetic mean when several numbers are (bools count as 0/1).
     */
    static Object mean(boolean[] row, List<Object> values, Object defaultValue) {
        List<Object> selected = new ArrayList<>();
        for (int k = 0; k < row.length; k++) if (row[k]) selected.add(values.get(k));
        if (selected.isEmpty()) return defaultValue;
        if (selected.size() == 1) return selected.getFirst();
        double sum = 0;
        for (Object v : selected) {
            if (!Values.isNumber(v)) {
                throw new RaspTypeError("Aggregate selects several values " + formatAll(selected)
                        + "; only numbers can be averaged (select one key per query, or aggregate a number)");
            }
            sum += Values.toDouble(v);
        }
        return sum / selected.size();
    }

    private static String formatAll(List<Object> vs) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < vs.size(); i++) sb.append(i > 0 ? ", " : "").append(Values.describe(vs.get(i)));
        return sb.append(']').toString();
    }
}
