package dev.glassbox.compiler.craft;

import dev.glassbox.rasp.RaspTypeError;
import dev.glassbox.rasp.SelectPredicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The attention head of an Aggregate, categorical or numerical, with the BOS trick.
 *
 * <p>Construction. Queries and keys are one-hot, so the selector's truth table is a bilinear form:
 * {@code W_QK(e_q, e_k) = c·[predicate(k, q)]}, with c = 100 the softmax coldness. A query then scores c on
 * every key it selects and 0 on the others, and the softmax spreads it evenly over the selected keys (up
 * to e^-c). W_OV copies the aggregated S-Op's direction(s) into the Aggregate's: one value is moved as it
 * is, several numbers are averaged.
 *
 * <p>The BOS trick decides what happens when nothing is selected. The BOS position carries only
 * {@code tokens:BOS} and {@code one}, and every query carries {@code one}; adding
 * {@code W_QK(one, tokens:BOS) = c/2} makes BOS score c/2 for every query: far below a selected key (so it
 * gets weight about e^-c/2), far above the unselected ones (so it gets all the weight when nothing is
 * selected). W_OV maps {@code tokens:BOS} to the default: zero in the original (None, or 0 for a number);
 * the default mode also allows another default, which BOS then carries.
 *
 * <p>Why BOS must stay clean: a BOS residual with anything else in the query or key directions shifts
 * its score, and then the trick fails. Every block of the default mode writes nothing at BOS.
 */
public final class CategoricalAttention {
    private CategoricalAttention() {}

    public static final double COLDNESS = 100;

    /**
     * The original's head (query and key spaces include both BOS and one; W_OV pairs the value and output
     * directions in sorted order).
     */
    public static AttentionHead tracr(String label, List<BasisDirection> querySpace, List<BasisDirection> keySpace,
            SelectPredicate predicate, List<BasisDirection> valueSpace, List<BasisDirection> outputSpace) {
        List<BasisDirection> query = Spaces.join(querySpace, List.of(Directions.BOS, Directions.ONE));
        List<BasisDirection> key = Spaces.join(keySpace, List.of(Directions.BOS));
        List<BasisDirection> value = Spaces.join(valueSpace, List.of(Directions.BOS));
        Linear qk = new Linear();
        for (BasisDirection q : query) {
            for (BasisDirection k : key) {
                if (k.equals(Directions.BOS) && q.equals(Directions.ONE)) qk.add(q, k, 0.5 * COLDNESS);
                else if (isSpecial(q) || isSpecial(k)) continue;
                else if (selects(predicate, k, q)) qk.add(q, k, COLDNESS);
            }
        }
        List<BasisDirection> sortedOutput = Spaces.sorted(outputSpace);
        List<BasisDirection> values = new ArrayList<>(value);
        values.remove(Directions.BOS);
        if (values.size() != sortedOutput.size()) {
            throw new IllegalStateException("value and output spaces of " + label + " differ in size");
        }
        Linear ov = new Linear();
        for (int i = 0; i < values.size(); i++) ov.add(values.get(i), sortedOutput.get(i), 1);
        return new AttentionHead(label, query, key, qk, value, sortedOutput, ov);
    }

    /**
     * The default mode's head: W_OV maps each value's direction to the output direction of the same value,
     * and BOS to {@code defaultOutput}.
     *
     * @param valueToOutput value direction → output direction (for a numerical Aggregate, the one pair)
     */
    public static AttentionHead exact(String label, List<BasisDirection> querySpace, List<BasisDirection> keySpace,
            SelectPredicate predicate, Map<BasisDirection, BasisDirection> valueToOutput,
            List<BasisDirection> outputSpace, Map<BasisDirection, Double> defaultOutput) {
        List<BasisDirection> query = new ArrayList<>(querySpace);
        query.add(Directions.ONE);
        List<BasisDirection> key = new ArrayList<>(keySpace);
        key.add(Directions.BOS);
        Linear qk = new Linear();
        qk.add(Directions.ONE, Directions.BOS, 0.5 * COLDNESS);
        for (BasisDirection q : querySpace) {
            for (BasisDirection k : keySpace) if (selects(predicate, k, q)) qk.add(q, k, COLDNESS);
        }
        List<BasisDirection> value = new ArrayList<>(valueToOutput.keySet());
        value.add(Directions.BOS);
        Linear ov = new Linear();
        valueToOutput.forEach((v, o) -> ov.add(v, o, 1));
        defaultOutput.forEach((o, w) -> ov.add(Directions.BOS, o, w));
        return new AttentionHead(label, query, key, qk, value, outputSpace, ov);
    }

    static boolean isSpecial(BasisDirection d) {
        return d.equals(Directions.ONE) || d.equals(Directions.BOS);
    }

    /** The predicate on the values of a key and a query direction (a predicate that raises selects nothing). */
    static boolean selects(SelectPredicate predicate, BasisDirection key, BasisDirection query) {
        try {
            return predicate.test(key.value(), query.value());
        } catch (RaspTypeError | ClassCastException e) {
            return false;
        }
    }
}
