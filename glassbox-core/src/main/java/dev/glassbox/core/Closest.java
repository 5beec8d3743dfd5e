package dev.glassbox.core;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** "Did you mean": the candidates nearest to a mistyped name by edit distance. */
public final class Closest {
    private Closest() {}

    /** The {@code count} candidates with the smallest edit distance to {@code name}, ties alphabetically. */
    public static List<String> to(String name, Collection<String> candidates, int count) {
        return candidates.stream()
                .sorted(Comparator.comparingInt((String c) -> editDistance(name, c)).thenComparing(c -> c))
                .limit(count)
                .toList();
    }

    /** Levenshtein distance: the fewest single-character inserts, deletes and substitutions from a to b. */
    public static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
