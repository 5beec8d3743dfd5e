package dev.glassbox.model.tokenizer;

import java.util.Arrays;

/**
 * The merge loop of score-ordered BPE: while some adjacent pair (a, b) has a piece for a·b, replace the
 * pair with the best-scoring such piece (the leftmost among equal scores), as llama2.c's encoder does.
 * Each pair's merged id is cached and only the two pairs next to a merge are looked up again, so a
 * merge costs one scan of the scores.
 */
final class ScoreMerges {

    /** The id of the piece spelled a·b, or -1. */
    @FunctionalInterface
    interface PairLookup {
        int merged(int left, int right);
    }

    private final PairLookup lookup;
    private final float[] scores;

    ScoreMerges(PairLookup lookup, float[] scores) {
        this.lookup = lookup;
        this.scores = scores;
    }

    int[] apply(int[] initial) {
        int[] ids = initial.clone();
        int n = ids.length;
        int[] pair = new int[Math.max(n - 1, 0)]; // pair[i]: merged id of (ids[i], ids[i+1]), or -1
        for (int i = 0; i + 1 < n; i++) pair[i] = lookup.merged(ids[i], ids[i + 1]);
        while (true) {
            int best = -1;
            for (int i = 0; i + 1 < n; i++) {
                if (pair[i] >= 0 && (best < 0 || scores[pair[i]] > scores[pair[best]])) best = i;
            }
            if (best < 0) return Arrays.copyOf(ids, n);
            ids[best] = pair[best];
            System.arraycopy(ids, best + 2, ids, best + 1, n - best - 2);
            System.arraycopy(pair, best + 1, pair, best, n - best - 2);
            n--;
            if (best > 0) pair[best - 1] = lookup.merged(ids[best - 1], ids[best]);
            if (best + 1 < n) pair[best] = lookup.merged(ids[best], ids[best + 1]);
        }
    }
}
