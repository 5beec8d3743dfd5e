package dev.glassbox.rasp.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * "Did you mean ...?" for unknown names: the known names within a small edit distance or sharing a
 * prefix, ignoring case and underscores, so {@code lenght} finds {@code length}, {@code EQUAL} finds
 * {@code EQ} and {@code SelectorWidth} finds {@code selector_width}.
 */
final class NameSuggestions {
    private NameSuggestions() {}

    /** Up to three known names close to {@code name}, closest first. */
    static List<String> closest(String name, Collection<String> known) {
        String wanted = normalize(name);
        int limit = Math.max(1, wanted.length() / 3);
        record Candidate(String name, int distance) { }
        List<Candidate> near = new ArrayList<>(), prefixed = new ArrayList<>();
        for (String k : new TreeSet<>(known)) {
            if (k.equals(name)) continue;
            String candidate = normalize(k);
            int d = distance(wanted, candidate);
            if (d <= limit) near.add(new Candidate(k, d));
            else if (Math.min(wanted.length(), candidate.length()) >= 2 && (wanted.startsWith(candidate) || candidate.startsWith(wanted))) {
                prefixed.add(new Candidate(k, d));
            }
        }
        List<Candidate> candidates = near.isEmpty() ? prefixed : near; // a shared prefix only when nothing is near
        candidates.sort(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name));
        // The same name but for case and underscores is surely meant: suggest only that.
        if (!candidates.isEmpty() && candidates.getFirst().distance() == 0) return List.of(candidates.getFirst().name());
        return candidates.stream().limit(3).map(Candidate::name).toList();
    }

    /** {@code "; did you mean 'a' or 'b'?"}, or the empty string when nothing is close. */
    static String didYouMean(String name, Collection<String> known) {
        List<String> names = closest(name, known).stream().map(n -> "'" + n + "'").toList();
        if (names.isEmpty()) return "";
        String list = names.size() == 1 ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
        return "; did you mean " + list + "?";
    }

    private static String normalize(String s) {
        return s.replace("_", "").toLowerCase(Locale.ROOT);
    }

    /** Edit distance where swapping two neighbouring letters counts as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
