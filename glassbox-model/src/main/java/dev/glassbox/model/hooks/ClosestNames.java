package dev.glassbox.model.hooks;

import dev.glassbox.core.InvalidInputException;
import java.util.Comparator;
import java.util.List;

/** "Did you mean" for hook names: the valid names nearest by edit distance. */
final class ClosestNames {
    private static final int SUGGESTIONS = 3;

    private ClosestNames() {}

    static InvalidInputException unknownName(String name, List<String> valid) {
        List<String> closest = valid.stream()
                .sorted(Comparator.comparingInt((String v) -> editDistance(name, v)).thenComparing(v -> v))
                .limit(SUGGESTIONS)
                .toList();
        return new InvalidInputException("unknown hook name '" + name + "'; closest valid names: "
                + String.join(", ", closest) + " (Transformer.hookNames() lists all " + valid.size() + ")");
    }

    /** Levenshtein distance: the fewest single-character inserts, deletes and substitutions from a to b. */
    static int editDistance(String a, String b) {
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
