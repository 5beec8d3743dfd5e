package dev.glassbox.cli;

import java.util.Arrays;

/** The ids of the K highest values of one position's logits. */
final class TopLogits {
    private TopLogits() {}

    /** The ids of the {@code k} highest logits (all of them if fewer), highest first; equal logits by id. */
    static int[] of(float[] logits, int k) {
        Integer[] ids = new Integer[logits.length];
        for (int i = 0; i < ids.length; i++) ids[i] = i;
        Arrays.sort(ids, (a, b) -> logits[a] != logits[b] ? Float.compare(logits[b], logits[a]) : Integer.compare(a, b));
        int n = Math.min(k, ids.length);
        int[] top = new int[n];
        for (int i = 0; i < n; i++) top[i] = ids[i];
        return top;
    }
}
