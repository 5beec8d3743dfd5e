package dev.glassbox.model.tokenizer.gguf;

/** A part of a text being tokenized: either a special token already found, or text still to be merged. */
sealed interface Fragment {

    /** A special token cut out of the text. */
    record Token(int id) implements Fragment {}

    /** The text's chars [start, end). */
    record Text(int start, int end) implements Fragment {}
}
