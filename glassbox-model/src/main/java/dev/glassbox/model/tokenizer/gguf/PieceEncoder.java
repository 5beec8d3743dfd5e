package dev.glassbox.model.tokenizer.gguf;

/** One tokenizer algorithm, applied to one piece of text between special tokens. */
interface PieceEncoder {

    /** Appends the ids of {@code piece} to {@code out}. */
    void encode(String piece, IntList out);
}
