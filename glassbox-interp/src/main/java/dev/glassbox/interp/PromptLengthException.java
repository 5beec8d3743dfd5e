package dev.glassbox.interp;

import dev.glassbox.core.InvalidInputException;

/**
 * Two prompts that must line up position by position (clean and corrupt, or a prompt and its
 * resample source) have different token lengths.
 */
public class PromptLengthException extends InvalidInputException {
    public PromptLengthException(String first, int firstLength, String second, int secondLength) {
        super("the " + first + " prompt has " + firstLength + " tokens but the " + second + " prompt has " + secondLength
                + "; patching copies activations position by position, so both must have the same number of tokens"
                + " (choose prompts that tokenize to the same length)");
    }

    public static void check(String first, int[] a, String second, int[] b) {
        if (a.length != b.length) throw new PromptLengthException(first, a.length, second, b.length);
    }
}
