package dev.glassbox.model.generate;

/** Receives the text of a generation as it appears, token by token (for streaming to a terminal). */
public interface TokenListener {
    TokenListener NONE = (id, text, fromPrompt) -> { };

    /**
     * A token of the prompt was read, or a new one was chosen.
     *
     * @param text the text this token completes: empty for control tokens and while a UTF-8 character
     *     spread over byte tokens is incomplete
     */
    void onToken(int id, String text, boolean fromPrompt);

    /** Generation ended; {@code text} is whatever was still held back (usually empty). */
    default void onEnd(String text) {}
}
