package dev.glassbox.interp.circuits;

import dev.glassbox.rasp.Aggregate;
import dev.glassbox.rasp.Evaluator;
import dev.glassbox.rasp.RaspExpr;
import dev.glassbox.rasp.RaspTypeError;
import dev.glassbox.rasp.SOp;
import dev.glassbox.rasp.Select;
import dev.glassbox.rasp.SelectorWidth;
import dev.glassbox.rasp.Values;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a compiled head's W_QK must look like, from the RASP program alone (not from the compiler): the
 * head of {@code Aggregate(Select(keys, queries, p), ...)} or {@code SelectorWidth(Select(...))} scores
 * query value a against key value b with c·[p(b, a)], plus the BOS term c'·one·BOS. One-hot query and key
 * values make W_QK that truth table (on directions of their own) plus a rank-one block on {@code one} and
 * {@code tokens:BOS}, which no other query or key direction touches, so
 * <pre>  rank W_QK = rank [p(b, a)] over the value sets + 1.</pre>
 * The value sets are found by running the program on every input (Tracr's value-set inference, done
 * independently here), and the rank of the 0/1 table exactly, with integers.
 */
public final class SelectorTruth {
    private SelectorTruth() {}

    /** An attention-using node of a program: its name, its selector, and the expression itself. */
    public record Node(String name, Select select, boolean selectorWidth, SOp expression) {}

    /** Every Aggregate and SelectorWidth over a plain Select, in no particular order. */
    public static List<Node> nodes(SOp program) {
        List<Node> out = new ArrayList<>();
        walk(program, new IdentityHashMap<>(), out);
        return out;
    }

    private static void walk(RaspExpr e, Map<RaspExpr, Boolean> seen, List<Node> out) {
        if (seen.put(e, true) != null) return;
        if (e instanceof Aggregate a && a.selector() instanceof Select s) out.add(new Node(a.name(), s, false, a));
        if (e instanceof SelectorWidth w && w.selector() instanceof Select s) out.add(new Node(w.name(), s, true, w));
        for (RaspExpr c : e.children()) walk(c, seen, out);
    }

    /** rank [p(key, query)] over the values the keys and queries take on every input, plus 1 for BOS. */
    static int qkRank(Select select, List<Object> vocab, int maxSeqLen, boolean causal) {
        List<Object> queries = valueSet(select.queries(), vocab, maxSeqLen, causal);
        List<Object> keys = valueSet(select.keys(), vocab, maxSeqLen, causal);
        BigInteger[][] table = new BigInteger[queries.size()][keys.size()];
        for (int a = 0; a < queries.size(); a++) {
            for (int b = 0; b < keys.size(); b++) {
                table[a][b] = selects(select, keys.get(b), queries.get(a)) ? BigInteger.ONE : BigInteger.ZERO;
            }
        }
        return rank(table) + 1;
    }

    /**
     * rank W_OV: a categorical Aggregate maps each value of the aggregated S-Op to its own output direction
     * (None, the default, to nothing); a numerical one moves one number; a SelectorWidth's head moves BOS's
     * one coordinate.
     */
    static int ovRank(Node node, List<Object> vocab, int maxSeqLen, boolean causal) {
        if (node.selectorWidth() || node.expression().isNumerical()) return 1;
        return valueSet(((Aggregate) node.expression()).sop(), vocab, maxSeqLen, causal).size();
    }

    /** Whether every query of every input selects at least one key: then BOS, the fallback, is never attended. */
    static boolean alwaysSelects(Select select, List<Object> vocab, int maxSeqLen, boolean causal) {
        Evaluator evaluator = causal ? Evaluator.causal() : Evaluator.standard();
        for (List<Object> input : inputs(vocab, maxSeqLen)) {
            for (boolean[] row : evaluator.evaluate(select, input)) {
                boolean any = false;
                for (boolean b : row) any |= b;
                if (!any) return false;
            }
        }
        return true;
    }

    static boolean selects(Select select, Object key, Object query) {
        try {
            return select.predicate().test(key, query);
        } catch (RaspTypeError | ClassCastException e) {
            return false;
        }
    }

    /** The distinct non-None values {@code sop} takes over every input of length 1..maxSeqLen. */
    static List<Object> valueSet(SOp sop, List<Object> vocab, int maxSeqLen, boolean causal) {
        Evaluator evaluator = causal ? Evaluator.causal() : Evaluator.standard();
        Map<Object, Object> values = new LinkedHashMap<>();
        for (List<Object> input : inputs(vocab, maxSeqLen)) {
            for (Object v : evaluator.evaluate(sop, input)) if (v != null) values.putIfAbsent(Values.key(v), v);
        }
        return new ArrayList<>(values.values());
    }

    public static List<List<Object>> inputs(List<Object> vocab, int maxSeqLen) {
        List<List<Object>> all = new ArrayList<>();
        List<List<Object>> layer = List.of(List.of());
        for (int n = 1; n <= maxSeqLen; n++) {
            List<List<Object>> next = new ArrayList<>();
            for (List<Object> prefix : layer) {
                for (Object t : vocab) {
                    List<Object> x = new ArrayList<>(prefix);
                    x.add(t);
                    next.add(x);
                }
            }
            all.addAll(next);
            layer = next;
        }
        return all;
    }

    /** Exact rank by fraction-free (Bareiss) elimination. */
    static int rank(BigInteger[][] m) {
        int rows = m.length, cols = rows == 0 ? 0 : m[0].length, rank = 0;
        BigInteger[][] a = new BigInteger[rows][];
        for (int i = 0; i < rows; i++) a[i] = m[i].clone();
        BigInteger previous = BigInteger.ONE;
        for (int c = 0; c < cols && rank < rows; c++) {
            int pivot = -1;
            for (int r = rank; r < rows; r++) if (a[r][c].signum() != 0) { pivot = r; break; }
            if (pivot < 0) continue;
            BigInteger[] swap = a[pivot]; a[pivot] = a[rank]; a[rank] = swap;
            for (int r = rank + 1; r < rows; r++) {
                for (int j = c + 1; j < cols; j++) {
                    a[r][j] = a[r][j].multiply(a[rank][c]).subtract(a[r][c].multiply(a[rank][j])).divide(previous);
                }
                a[r][c] = BigInteger.ZERO;
            }
            previous = a[rank][c];
            rank++;
        }
        return rank;
    }

    /** The block whose attention the compiler gave the named node (its sublayer is 2L). */
    public static int layer(dev.glassbox.model.compiled.CompileReport report, String name) {
        return report.placements().stream().filter(p -> p.label().equals(name)).findFirst()
                .map(p -> p.sublayer() / 2).orElseThrow(() -> new IllegalArgumentException("no placement of " + name));
    }
}
