package dev.glassbox.interp.attention;

import java.util.Locale;

/**
 * A kind of head recognised by where its queries attend. Each detector names, for a query position i, the
 * key positions a head of that kind attends to; the head's score is the attention weight on them, averaged
 * over the queries that have such keys. Position 0 is never scored as a query (in a causal model it can
 * only attend to itself).
 * <pre>
 *   PREVIOUS_TOKEN  i - 1
 *   INDUCTION       j + 1 for each earlier j with token_j = token_i (the token after a previous occurrence),
 *                   leaving out j + 1 = i; queries whose token did not occur before are not scored
 *   FIRST_TOKEN     0 (BOS, when the model prepends one)
 *   SELF            i
 * </pre>
 * A perfect head of the kind scores 1; a head that spreads its attention evenly scores the baseline
 * {@link DetectorScores#uniform()}.
 */
public enum HeadDetector {
    PREVIOUS_TOKEN, INDUCTION, FIRST_TOKEN, SELF;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether query {@code i} has keys of this kind (for induction: whether its token occurred before, not just at i - 1). */
    public boolean scores(int[] tokens, int i) {
        if (i < 1) return false;
        if (this != INDUCTION) return true;
        for (int j = 0; j + 1 < i; j++) if (tokens[j] == tokens[i]) return true;
        return false;
    }

    /**
     * The attention of query {@code i} on this detector's keys, or NaN when it has none.
     *
     * @param row query i's row of one head's pattern, indexed by key
     */
    public double score(float[] row, int[] tokens, int i) {
        if (!scores(tokens, i)) return Double.NaN;
        return switch (this) {
            case PREVIOUS_TOKEN -> row[i - 1];
            case FIRST_TOKEN -> row[0];
            case SELF -> row[i];
            case INDUCTION -> induction(row, tokens, i);
        };
    }

    /** How many keys of this kind query {@code i} has (0 when it is not scored). */
    public int targets(int[] tokens, int i) {
        if (!scores(tokens, i)) return 0;
        if (this != INDUCTION) return 1;
        int count = 0;
        for (int j = 0; j + 1 < i; j++) if (tokens[j] == tokens[i]) count++;
        return count;
    }

    /** sum of row[j + 1] over j + 1 < i with token_j = token_i. */
    private static double induction(float[] row, int[] tokens, int i) {
        double sum = 0;
        for (int j = 0; j + 1 < i; j++) if (tokens[j] == tokens[i]) sum += row[j + 1];
        return sum;
    }
}
