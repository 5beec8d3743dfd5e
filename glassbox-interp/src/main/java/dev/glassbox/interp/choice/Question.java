package dev.glassbox.interp.choice;

import java.util.List;

/**
 * One multiple-choice question: its text, its options in the order given, and which one is right.
 *
 * @param answer the index of the right option in {@code options}
 */
public record Question(String subject, String question, List<String> options, int answer) {
    public Question {
        options = List.copyOf(options);
        if (options.size() < 2) throw new IllegalArgumentException("a question needs at least two options");
        if (answer < 0 || answer >= options.size()) throw new IllegalArgumentException("answer " + answer + " out of range");
    }
}
