package dev.glassbox.model.tokenizer.gguf;

/**
 * The code points Unicode 16.0 assigned (5,185 of them, in 47 ranges). llama.cpp's category table is
 * Unicode 15.1's, where they are unassigned; Java 25 knows them as letters, marks, numbers, punctuation
 * and symbols (and lowercases and decomposes a few). {@link CodepointFlags} treats them as unassigned,
 * so that a text using them splits and normalizes as in llama.cpp. (Computed by comparing Java 25's categories with llama.cpp's table on
 * every code point; the test CodepointFlagsTest repeats the comparison when the table is set up.)
 */
final class NewInUnicode16 {
    /** Inclusive [first, last] pairs, ascending. */
    private static final int[] RANGES = {
            0x00897, 0x00897, 0x01B4E, 0x01B4F, 0x01B7F, 0x01B7F, 0x01C89, 0x01C8A,
            0x02427, 0x02429, 0x031E4, 0x031E5, 0x0A7CB, 0x0A7CD, 0x0A7DA, 0x0A7DC,
            0x105C0, 0x105F3, 0x10D40, 0x10D65, 0x10D69, 0x10D85, 0x10D8E, 0x10D8F,
            0x10EC2, 0x10EC4, 0x10EFC, 0x10EFC, 0x11380, 0x11389, 0x1138B, 0x1138B,
            0x1138E, 0x1138E, 0x11390, 0x113B5, 0x113B7, 0x113C0, 0x113C2, 0x113C2,
            0x113C5, 0x113C5, 0x113C7, 0x113CA, 0x113CC, 0x113D5, 0x113D7, 0x113D8,
            0x113E1, 0x113E2, 0x116D0, 0x116E3, 0x11BC0, 0x11BE1, 0x11BF0, 0x11BF9,
            0x11F5A, 0x11F5A, 0x13460, 0x143FA, 0x16100, 0x16139, 0x16D40, 0x16D79,
            0x18CFF, 0x18CFF, 0x1CC00, 0x1CCF9, 0x1CD00, 0x1CEB3, 0x1E5D0, 0x1E5FA,
            0x1E5FF, 0x1E5FF, 0x1F8B2, 0x1F8BB, 0x1F8C0, 0x1F8C1, 0x1FA89, 0x1FA89,
            0x1FA8F, 0x1FA8F, 0x1FABE, 0x1FABE, 0x1FAC6, 0x1FAC6, 0x1FADC, 0x1FADC,
            0x1FADF, 0x1FADF, 0x1FAE9, 0x1FAE9, 0x1FBCB, 0x1FBEF,
    };

    private NewInUnicode16() {}

    static boolean contains(int cp) {
        int lo = 0, hi = RANGES.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (cp < RANGES[2 * mid]) hi = mid - 1;
            else if (cp > RANGES[2 * mid + 1]) lo = mid + 1;
            else return true;
        }
        return false;
    }
}
