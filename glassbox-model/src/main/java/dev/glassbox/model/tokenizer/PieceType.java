package dev.glassbox.model.tokenizer;

/**
 * What a vocabulary entry stands for; the same kinds as SentencePiece's (and GGUF's
 * {@code tokenizer.ggml.token_type}).
 */
public enum PieceType {
    /** Text: the piece's bytes, and a result of merges. */
    NORMAL,
    /** The unknown token, used when a byte has no byte token. */
    UNKNOWN,
    /** BOS, EOS and the like: they add no text. */
    CONTROL,
    /** A raw byte, spelled {@code <0xXX>}: adds that one byte. */
    BYTE;

    /** Whether a piece of this kind may take part in a merge. */
    boolean mergeable() {
        return this == NORMAL;
    }
}
