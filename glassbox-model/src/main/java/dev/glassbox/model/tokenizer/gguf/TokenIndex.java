package dev.glassbox.model.tokenizer.gguf;

/**
 * The id of each token text: an open-addressing hash table of ids over {@link TokenTexts}, so that a
 * 256,000-token vocabulary takes one {@code int[]} (2 MB) instead of a HashMap's entries, Strings and boxed
 * Integers. Where texts repeat, the last id wins, as llama.cpp's map (and a HashMap filled in id order) keeps
 * it, or with {@link #firstWins} the first. Lookups of part of a String allocate nothing.
 */
final class TokenIndex {
    private final TokenTexts texts;
    // Each slot holds id + 1 in its low bits (idMask; 0: empty) and, in the bits above, a few bits of the
    // text's hash, so that most probes that miss are told apart without reading the text's bytes.
    private final int[] slots; // at most half of them filled
    private final int shift, idMask;

    /** The index of {@code texts} where the last of equal texts wins. */
    TokenIndex(TokenTexts texts) {
        this(texts, true);
    }

    /** The index of {@code texts} where the first of equal texts wins (as {@code putIfAbsent} in id order). */
    static TokenIndex firstWins(TokenTexts texts) {
        return new TokenIndex(texts, false);
    }

    private TokenIndex(TokenTexts texts, boolean lastWins) {
        this.texts = texts;
        int n = texts.size();
        int capacity = Integer.highestOneBit(Math.max(1, 2 * n - 1)) << 1;
        slots = new int[capacity];
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
        idMask = (1 << (32 - Integer.numberOfLeadingZeros(n))) - 1; // enough bits for n, the largest id + 1
        for (int id = 0; id < n; id++) {
            int mixed = mix(texts.hash(id));
            int fingerprint = fingerprint(mixed);
            for (int slot = mixed >>> shift; ; slot = next(slot)) {
                int entry = slots[slot];
                if (entry == 0) {
                    slots[slot] = fingerprint | (id + 1);
                    break;
                }
                if ((entry & ~idMask) == fingerprint && texts.same((entry & idMask) - 1, id)) {
                    if (lastWins) slots[slot] = fingerprint | (id + 1);
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
        int mixed = mix(TokenTexts.hash(text, from, to));
        int fingerprint = fingerprint(mixed);
        for (int slot = mixed >>> shift; slots[slot] != 0; slot = next(slot)) {
            int entry = slots[slot];
            if ((entry & ~idMask) != fingerprint) continue;
            int id = (entry & idMask) - 1;
            if (texts.spells(id, text, from, to)) return id;
        }
        return -1;
    }

    /** Fibonacci hashing: the slot is the product's top bits. */
    private static int mix(int hash) {
        return hash * 0x9E3779B9;
    }

    /** The product's bits below the slot's, in the bits a slot leaves above the id. */
    private int fingerprint(int mixed) {
        return (mixed << (32 - shift)) & ~idMask;
    }

    private int next(int slot) {
        return (slot + 1) & (slots.length - 1);
    }
}
