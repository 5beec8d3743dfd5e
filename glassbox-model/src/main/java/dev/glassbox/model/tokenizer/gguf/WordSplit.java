package dev.glassbox.model.tokenizer.gguf;

/**
 * One step of a pre-tokenizer: cuts each piece of a text (given as lengths in code points, in order) into
 * smaller pieces. The text between two matches of a regular expression is a piece too, so no code point
 * is ever lost: the lengths returned always add up to the lengths given.
 */
interface WordSplit {

    /**
     * @param cps the whole text as code points
     * @param pieces the current pieces, as consecutive lengths covering {@code cps}
     * @return the new pieces, each inside one of the old ones
     */
    IntList split(int[] cps, IntList pieces);
}
