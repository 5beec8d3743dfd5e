package dev.glassbox.model.tokenizer.gguf;

/**
 * The id of each token text: an open-addressing hash table of ids over {@link TokenTexts}, so that a
 * 256,000-token vocabulary takes one {@code int[]} (2 MB) instead of a HashMap's entries, Strings and boxed
 * Integers. Where texts repeat, the last id wins, as llama.cpp's map (and a HashMap filled in id order) keeps
 * it. Lookups of part of a String allocate nothing.
 */
final class TokenIndex {
    private final TokenTexts texts;
    private final int[] slots; // id + 1, or 0 for an empty slot; at most half of them are filled
    private final int shift;

    TokenIndex(TokenTexts texts) {
        this.texts = texts;
        int capacity = Integer.highestOneBit(Math.max(1, 2 * texts.size() - 1)) << 1;
        slots = new int[capacity];
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
        for (int id = 0; id < texts.size(); id++) {
            for (int slot = slot(texts.hash(id)); ; slot = next(slot)) {
                if (slots[slot] == 0 || texts.same(slots[slot] - 1, id)) {
                    slots[slot] = id + 1;
                    break;
                }
            }
        }
    }

    /** The texts, by id. */
    TokenTexts texts() {
        return texts;
    }

    /** The id whose text is {@code text}, or -1. */
    int id(String text) {
        return id(text, 0, text.length());
    }

    /** The id whose text is {@code text[from, to)}, or -1. */
    int id(String text, int from, int to) {
        for (int slot = slot(TokenTexts.hash(text, from, to)); slots[slot] != 0; slot = next(slot)) {
            int id = slots[slot] - 1;
            if (texts.spells(id, text, from, to)) return id;
        }
        return -1;
    }

    private int slot(int hash) {
        return (hash * 0x9E3779B9) >>> shift; // Fibonacci hashing: the top bits of the product
    }

    private int next(int slot) {
        return (slot + 1) & (slots.length - 1);
    }
}
