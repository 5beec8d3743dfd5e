package dev.glassbox.interp.attention;

import dev.glassbox.rasp.Evaluator;
import dev.glassbox.rasp.Selector;
import java.util.List;

/**
 * The attention pattern a compiled head must have, from its RASP selector alone. The model sees
 * [BOS] + input, so input position q is model position q + 1. An Aggregate's head spreads a query evenly
 * over the keys its selector selects, and falls back to BOS when it selects none; a SelectorWidth's head
 * attends to BOS as much as to each selected key (CategoricalAttention, SelectorWidthBlock). BOS, as a
 * query, attends to itself.
 */
final class TruthPattern {
    private TruthPattern() {}

    static double[][] of(Selector selector, boolean selectorWidth, List<Object> input, boolean causal) {
        boolean[][] selected = (causal ? Evaluator.causal() : Evaluator.standard()).evaluate(selector, input);
        int n = input.size() + 1;
        double[][] pattern = new double[n][n];
        pattern[0][0] = 1;
        for (int q = 0; q < input.size(); q++) {
            int count = 0;
            for (boolean s : selected[q]) if (s) count++;
            boolean bos = selectorWidth || count == 0;
            double share = 1.0 / (count + (bos ? 1 : 0));
            if (bos) pattern[q + 1][0] = share;
            for (int k = 0; k < input.size(); k++) if (selected[q][k]) pattern[q + 1][k + 1] = share;
        }
        return pattern;
    }
}
