package dev.glassbox.interp.choice;

import java.util.ArrayList;
import java.util.List;

/**
 * A question written out with one label per option.
 *
 * @param labels the label of each option, in option order
 * @param text the prompt as the model reads it (the format's text, then the label separator)
 */
public record ChoicePrompt(Question question, List<String> labels, String text) {
    public ChoicePrompt {
        labels = List.copyOf(labels);
    }

    public static ChoicePrompt of(Question q, List<String> labels, ChoiceFormat format, String separator) {
        return new ChoicePrompt(q, labels, format.render(q, labels) + separator);
    }

    /** The label of the right option. */
    public String correctLabel() {
        return labels.get(question.answer());
    }

    /**
     * The same question with the labels of the right option and of option {@code other} exchanged: the right
     * answer now carries another label, and the text differs only in those two labels (the corrupt prompt of
     * answer patching).
     */
    public ChoicePrompt swapLabels(int other, ChoiceFormat format, String separator) {
        List<String> swapped = new ArrayList<>(labels);
        int a = question.answer();
        swapped.set(a, labels.get(other));
        swapped.set(other, labels.get(a));
        return of(question, swapped, format, separator);
    }
}
