package dev.glassbox.interp.choice;

import dev.glassbox.core.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Which label each option gets (Lieberum et al. 2023 test whether a "correct letter" circuit survives the last
 * two): options always keep their order; the labels change.
 */
public enum LabelVariant {
    /** A, B, C, D in order. */
    PLAIN,
    /** A, B, C, D in a random order other than the usual one: which label goes with which option is permuted. */
    SHUFFLED,
    /** Other label tokens, drawn at random from {@link #RANDOM_POOL} without repeats. */
    RANDOM;

    /** The capital letters after D: the labels the random variant draws from. */
    public static final List<String> RANDOM_POOL = List.of("E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q",
            "R", "S", "T", "U", "V", "W", "X", "Y", "Z");

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static LabelVariant parse(String text) {
        return switch (text) {
            case "plain" -> PLAIN;
            case "shuffled" -> SHUFFLED;
            case "random" -> RANDOM;
            default -> throw new InvalidInputException("unknown label variant '" + text + "'; use plain, shuffled or random");
        };
    }

    /** The labels of {@code n} options, in option order. */
    public List<String> labels(int n, Random random) {
        if (n > 26) throw new InvalidInputException("a question with " + n + " options has more than 26 letters to label them");
        List<String> letters = new ArrayList<>();
        for (int i = 0; i < n; i++) letters.add(String.valueOf((char) ('A' + i)));
        switch (this) {
            case PLAIN -> { }
            case SHUFFLED -> {
                List<String> plain = List.copyOf(letters);
                if (n > 1) while (letters.equals(plain)) Collections.shuffle(letters, random);
            }
            case RANDOM -> {
                if (n > RANDOM_POOL.size()) throw new InvalidInputException("too many options for random labels: " + n);
                List<String> pool = new ArrayList<>(RANDOM_POOL);
                Collections.shuffle(pool, random);
                letters = new ArrayList<>(pool.subList(0, n));
            }
        }
        return List.copyOf(letters);
    }
}
