package dev.glassbox.rasp;

/**
 * The Java DSL for RASP, in Tracr's vocabulary. Import statically:
 *
 * <pre>{@code
 * SOp length = selectorWidth(select(tokens(), tokens(), Comparison.TRUE)).named("length");
 * SOp oppIdx = length.minus(indices()).named("opp_idx").minus(1).named("opp_idx-1");
 * SOp reverse = aggregate(select(indices(), oppIdx, Comparison.EQ), tokens()).named("reverse");
 * }</pre>
 */
public final class Rasp {
    private Rasp() {}

    public static SOp tokens() {
        return Tokens.INSTANCE;
    }

    public static SOp indices() {
        return Indices.INSTANCE;
    }

    public static Map map(ValueFunction f, SOp sop) {
        return new Map(f, sop);
    }

    public static Map map(String description, java.util.function.UnaryOperator<Object> f, SOp sop) {
        return new Map(ValueFunction.of(description, f), sop);
    }

    public static SequenceMap sequenceMap(ValueFunction2 f, SOp fst, SOp snd) {
        return new SequenceMap(f, fst, snd);
    }

    public static SequenceMap sequenceMap(String description, java.util.function.BinaryOperator<Object> f, SOp fst, SOp snd) {
        return new SequenceMap(ValueFunction2.of(description, f), fst, snd);
    }

    public static LinearSequenceMap linearSequenceMap(SOp fst, SOp snd, double fstFactor, double sndFactor) {
        return new LinearSequenceMap(fst, snd, fstFactor, sndFactor);
    }

    public static Full full(Object fill) {
        return new Full(fill);
    }

    public static Select select(SOp keys, SOp queries, SelectPredicate predicate) {
        return new Select(keys, queries, predicate);
    }

    public static Select select(SOp keys, SOp queries, String description, java.util.function.BiPredicate<Object, Object> p) {
        return new Select(keys, queries, SelectPredicate.of(description, p));
    }

    public static Aggregate aggregate(Selector selector, SOp sop) {
        return new Aggregate(selector, sop);
    }

    public static Aggregate aggregate(Selector selector, SOp sop, Object defaultValue) {
        return new Aggregate(selector, sop, defaultValue);
    }

    public static SelectorWidth selectorWidth(Selector selector) {
        return new SelectorWidth(selector);
    }

    public static <T extends SOp> T numerical(T sop) {
        sop.numerical();
        return sop;
    }

    public static <T extends SOp> T categorical(T sop) {
        sop.categorical();
        return sop;
    }

    /** Tracr's {@code selector_not}: a Select becomes a Select with the negated predicate. */
    public static Selector selectorNot(Selector inner) {
        if (inner instanceof Select s) {
            SelectPredicate p = s.predicate();
            return new Select(s.keys(), s.queries(), SelectPredicate.of("not (" + p + ")", (k, q) -> !p.test(k, q)));
        }
        return new SelectorNot(inner);
    }

    /** Tracr's {@code selector_and}: two Selects over the same keys and queries fold into one Select. */
    public static Selector selectorAnd(Selector fst, Selector snd) {
        if (fst instanceof Select a && snd instanceof Select b) {
            Select folded = SelectFolding.fold(a, b, true);
            if (folded != null) return folded;
        }
        return new SelectorAnd(fst, snd);
    }

    /** Tracr's {@code selector_or}, with the same folding. */
    public static Selector selectorOr(Selector fst, Selector snd) {
        if (fst instanceof Select a && snd instanceof Select b) {
            Select folded = SelectFolding.fold(a, b, false);
            if (folded != null) return folded;
        }
        return new SelectorOr(fst, snd);
    }
}
