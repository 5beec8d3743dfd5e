package dev.glassbox.rasp.lib;

import static dev.glassbox.rasp.Rasp.aggregate;
import static dev.glassbox.rasp.Rasp.indices;
import static dev.glassbox.rasp.Rasp.linearSequenceMap;
import static dev.glassbox.rasp.Rasp.numerical;
import static dev.glassbox.rasp.Rasp.select;
import static dev.glassbox.rasp.Rasp.selectorWidth;
import static dev.glassbox.rasp.Rasp.sequenceMap;
import static dev.glassbox.rasp.Rasp.tokens;

import dev.glassbox.rasp.Comparison;
import dev.glassbox.rasp.Map;
import dev.glassbox.rasp.SOp;
import dev.glassbox.rasp.SelectPredicate;
import dev.glassbox.rasp.Selector;
import dev.glassbox.rasp.SequenceMap;
import dev.glassbox.rasp.ValueFunction;
import dev.glassbox.rasp.ValueFunction2;
import dev.glassbox.rasp.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * The programs of Tracr's {@code lib.py}, built with the same structure (the same expressions, the
 * same sharing, the same names), so that compiling them gives models of the same shape as the
 * original's. Each method returns a fresh program: nothing is shared between calls.
 */
public final class TracrLib {
    private TracrLib() {}

    /** {@code length}: the number of tokens, at every position. */
    public static SOp makeLength() {
        Selector allTrue = select(tokens(), tokens(), Comparison.TRUE).named("all_true_selector");
        return selectorWidth(allTrue).named("length");
    }

    /** The sequence reversed, using {@code length - indices - 1} as the source position. */
    public static SOp makeReverse(SOp sop) {
        SOp length = makeLength();
        SOp oppIdx = length.minus(indices()).named("opp_idx");
        oppIdx = oppIdx.minus(1).named("opp_idx-1");
        Selector reverseSelector = select(indices(), oppIdx, Comparison.EQ).named("reverse_selector");
        return aggregate(reverseSelector, sop).named("reverse");
    }

    /** Fraction of previous positions (inclusive) where {@code bools} is true. */
    public static SOp makeFracPrevs(SOp bools) {
        bools = numerical(bools);
        Selector prevs = select(indices(), indices(), Comparison.LEQ);
        return numerical(aggregate(prevs, bools, 0)).named("frac_prevs");
    }

    /** Fraction of previous open tokens minus fraction of previous close tokens. */
    public static SOp makePairBalance(SOp sop, String openToken, String closeToken) {
        SOp boolsOpen = numerical(sop.eq(openToken)).named("bools_open");
        SOp opens = numerical(makeFracPrevs(boolsOpen)).named("opens");
        SOp boolsClose = numerical(sop.eq(closeToken)).named("bools_close");
        SOp closes = numerical(makeFracPrevs(boolsClose)).named("closes");
        return numerical(linearSequenceMap(opens, closes, 1, -1)).named("pair_balance");
    }

    /** True everywhere iff every pair of brackets is balanced (the RASP paper's shuffle-Dyck). */
    public static SOp makeShuffleDyck(List<String> pairs) {
        if (pairs.isEmpty()) throw new IllegalArgumentException("shuffle_dyck needs at least one pair");
        SOp length = makeLength();
        List<SOp> balances = new ArrayList<>();
        for (String pair : pairs) {
            if (pair.length() != 2) throw new IllegalArgumentException("a pair is two characters, got '" + pair + "'");
            balances.add(makePairBalance(tokens(), pair.substring(0, 1), pair.substring(1)).named("balance_" + pair));
        }
        SOp anyNegative = balances.getFirst().lt(0);
        for (SOp balance : balances.subList(1, balances.size())) anyNegative = anyNegative.or(balance.lt(0));
        anyNegative = numerical(new Map(ValueFunction.of("x", x -> x), anyNegative)).named("any_negative");

        Selector selectAll = select(indices(), indices(), Comparison.TRUE).named("select_all");
        SOp hasNeg = numerical(aggregate(selectAll, anyNegative, 0)).named("has_neg");

        SOp allZero = balances.getFirst().eq(0);
        for (SOp balance : balances.subList(1, balances.size())) allZero = allZero.and(balance.eq(0));

        Selector selectLast = select(indices(), length.minus(1), Comparison.EQ).named("select_last");
        SOp lastZero = aggregate(selectLast, allZero).named("last_zero");
        SOp notHasNeg = hasNeg.not().named("not_has_neg");
        return lastZero.and(notHasNeg).named("shuffle_dyck");
    }

    public static SOp makeShuffleDyck2() {
        return makeShuffleDyck(List.of("()", "{}")).named("shuffle_dyck2");
    }

    /** How often each position's token occurs in the whole input. */
    public static SOp makeHist() {
        Selector sameTok = select(tokens(), tokens(), Comparison.EQ).named("same_tok");
        return selectorWidth(sameTok).named("hist");
    }

    /** {@code vals} sorted by {@code keys}, which must be unique. */
    public static SOp makeSortUnique(SOp vals, SOp keys) {
        Selector smaller = select(keys, keys, Comparison.LT).named("smaller");
        SOp targetPos = selectorWidth(smaller).named("target_pos");
        Selector selNew = select(targetPos, indices(), Comparison.EQ);
        return aggregate(selNew, vals).named("sort");
    }

    /** {@code vals} sorted by {@code keys}, made unique as {@code key + minKey·i/maxSeqLen}. */
    public static SOp makeSort(SOp vals, SOp keys, int maxSeqLen, double minKey) {
        Object minKeyValue = minKey == Math.rint(minKey) ? (Object) (int) minKey : (Object) minKey;
        SOp uniqueKeys = sequenceMap(ValueFunction2.of("x + " + Values.format(minKeyValue) + "·i/" + maxSeqLen,
                (x, i) -> Values.add(x, Values.divide(Values.multiply(minKeyValue, i), maxSeqLen))), keys, indices());
        return makeSortUnique(vals, uniqueKeys);
    }

    /** Tokens sorted by descending frequency, ties in input order. */
    public static SOp makeSortFreq(int maxSeqLen) {
        SOp hist = makeHist().named("hist").map(ValueFunction.of("-1 * x", x -> Values.multiply(-1, x)));
        return makeSort(tokens(), hist, maxSeqLen, 1).named("sort_freq");
    }

    /** {@code sop} shifted right by {@code offset} positions, None where nothing is shifted in. */
    public static SOp shiftBy(int offset, SOp sop) {
        Selector selectOffByOffset = select(indices(), indices(),
                SelectPredicate.of("q == k + " + offset, (k, q) -> Values.equal(q, Values.add(k, offset))));
        return aggregate(selectOffByOffset, sop, null).named("shift_by(" + offset + ")");
    }

    /** True at the last position of each occurrence of {@code pattern}; None on the first len-1 positions. */
    public static SOp detectPattern(SOp sop, List<Object> pattern) {
        if (pattern.isEmpty()) throw new IllegalArgumentException("detect_pattern needs a pattern of length at least 1");
        List<SOp> detectors = new ArrayList<>();
        for (int i = 0; i < pattern.size(); i++) {
            SOp detector = sop.eq(pattern.get(pattern.size() - 1 - i));
            if (i != 0) detector = shiftBy(i, detector);
            detectors.add(detector);
        }
        SOp detected = detectors.removeLast();
        while (!detectors.isEmpty()) detected = detected.and(detectors.removeLast());
        StringBuilder name = new StringBuilder();
        for (Object p : pattern) name.append(p instanceof String s ? s : Values.format(p));
        return detected.named("detect_pattern(" + name + ")");
    }

    /** How many positions hold a token that occurs at most {@code n} times. */
    public static SOp makeCountLessFreq(int n) {
        SOp hist = makeHist().named("hist");
        Selector selectLess = select(hist, hist,
                SelectPredicate.of("k <= " + n, (x, y) -> Values.compare(x, n) <= 0)).named("select_less");
        return selectorWidth(selectLess).named("count_less_freq");
    }

    /** How many positions hold {@code token}. */
    public static SOp makeCount(SOp sop, Object token) {
        Selector sel = select(sop, sop, SelectPredicate.of("k == " + Values.format(token), (k, q) -> Values.equal(k, token)));
        return selectorWidth(sel).named("count_" + (token instanceof String s ? s : Values.format(token)));
    }

    /**
     * An n-ary SequenceMap from binary ones: the arguments are gathered into tuples
     * {@code (x1, x2)}, {@code (x1, x2, x3)}, ... and a final Map applies {@code f} to the tuple.
     */
    public static SOp makeNarySequenceMap(ValueFunction f, List<SOp> sops) {
        if (sops.size() < 2) throw new IllegalArgumentException("an n-ary SequenceMap needs at least two S-Ops");
        SOp values = sops.getFirst();
        for (SOp sop : sops.subList(1, sops.size())) {
            values = new SequenceMap(ValueFunction2.of("tuple(x..., y)", TracrLib::appendToTuple), values, sop);
        }
        return new Map(f, values);
    }

    private static Object appendToTuple(Object x, Object y) {
        List<Object> out = new ArrayList<>();
        if (x instanceof List<?> tuple) out.addAll(tuple);
        else out.add(x);
        out.add(y);
        return java.util.Collections.unmodifiableList(out);
    }
}
