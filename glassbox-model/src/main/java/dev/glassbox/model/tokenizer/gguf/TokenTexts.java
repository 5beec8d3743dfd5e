package dev.glassbox.model.tokenizer.gguf;

import dev.glassbox.io.gguf.PackedStrings;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * Every token's text as UTF-8 in one {@code byte[]}, with where each starts, decoded to a String only when
 * asked for. A 256,000-token vocabulary then takes two arrays (about 3.5 MB for Gemma's) instead of 256,000
 * Strings. {@link TokenIndex} finds an id by its text. Immutable. Texts read from a GGUF file are the
 * reader's own arrays ({@link PackedStrings}), not a copy of them.
 *
 * <p>An unpaired surrogate, which UTF-8 cannot hold, is kept as U+FFFD (token texts read from a file have
 * none); so are bytes read from a file that are not well-formed UTF-8, as {@code new String(bytes, UTF_8)}
 * decodes them.
 */
final class TokenTexts {
    private final byte[] utf8;
    private final int[] offsets; // size() + 1 of them: text i is utf8[offsets[i], offsets[i + 1])

    private TokenTexts(byte[] utf8, int[] offsets) {
        this.utf8 = utf8;
        this.offsets = offsets;
    }

    /**
     * The texts of {@code texts}, in order: the list itself when it is one of {@link #asList()}; the reader's
     * arrays, not a copy, when it is a string array read from a GGUF file and its bytes are well-formed UTF-8
     * (else they would not read back as they decode); else a copy.
     */
    static TokenTexts of(List<String> texts) {
        if (texts instanceof View view) return view.owner();
        PackedStrings read = PackedStrings.of(texts).orElse(null);
        if (read != null && wellFormed(read.utf8(), read.offsets())) return new TokenTexts(read.utf8(), read.offsets());
        int n = texts.size();
        int[] offsets = new int[n + 1];
        byte[] utf8 = new byte[Math.max(16, n * 8)];
        int end = 0;
        for (int i = 0; i < n; i++) {
            String s = texts.get(i);
            if (utf8.length - end < s.length() * 3) utf8 = Arrays.copyOf(utf8, Math.max(utf8.length * 3 / 2, end + s.length() * 3));
            end = encode(s, utf8, end);
            offsets[i + 1] = end;
        }
        return new TokenTexts(Arrays.copyOf(utf8, end), offsets);
    }

    /** Whether these texts are {@code packed}'s arrays themselves, not a copy (for tests). */
    boolean sharesArraysOf(PackedStrings packed) {
        return utf8 == packed.utf8() && offsets == packed.offsets();
    }

    /** These texts with each empty one replaced by {@code replacement.apply(id)}; this when none is empty. */
    TokenTexts withEmptyAs(IntFunction<String> replacement) {
        boolean anyEmpty = false;
        for (int i = 0; i < size() && !anyEmpty; i++) anyEmpty = byteLength(i) == 0;
        if (!anyEmpty) return this;
        List<String> texts = asList();
        return of(new AbstractList<>() {
            @Override
            public String get(int id) {
                return byteLength(id) == 0 ? replacement.apply(id) : texts.get(id);
            }

            @Override
            public int size() {
                return texts.size();
            }
        });
    }

    int size() {
        return offsets.length - 1;
    }

    String text(int id) {
        Objects.checkIndex(id, size());
        return new String(utf8, offsets[id], offsets[id + 1] - offsets[id], StandardCharsets.UTF_8);
    }

    int byteLength(int id) {
        return offsets[id + 1] - offsets[id];
    }

    /** The longest text in UTF-8 bytes. */
    int maxByteLength() {
        int max = 0;
        for (int i = 0; i < size(); i++) max = Math.max(max, byteLength(i));
        return max;
    }

    /** An unmodifiable view that decodes a text on each {@code get}. */
    List<String> asList() {
        return new View();
    }

    /** The {@link String#hashCode()} of text {@code id}, computed from its bytes. */
    int hash(int id) {
        int h = 0;
        for (int p = offsets[id], end = offsets[id + 1]; p < end; ) {
            int b = utf8[p] & 0xFF;
            int length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
            int cp = length == 1 ? b : b & (0x7F >> length);
            for (int k = 1; k < length; k++) cp = cp << 6 | utf8[p + k] & 0x3F;
            h = cp < 0x10000
                    ? 31 * h + cp
                    : 31 * (31 * h + Character.highSurrogate(cp)) + Character.lowSurrogate(cp);
            p += length;
        }
        return h;
    }

    /** The {@link String#hashCode()} of {@code s.substring(from, to)}, without making it. */
    static int hash(String s, int from, int to) {
        if (from == 0 && to == s.length()) return s.hashCode(); // cached, and vectorised
        int h = 0;
        for (int i = from; i < to; i++) h = 31 * h + s.charAt(i);
        return h;
    }

    /**
     * Whether text {@code id} is {@code s[from, to)}, compared without allocating. A String with an unpaired
     * surrogate spells no text, as UTF-8 cannot hold one.
     */
    boolean spells(int id, String s, int from, int to) {
        int p = offsets[id], end = offsets[id + 1];
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (p == end || utf8[p++] != c) return false;
            } else if (c < 0x800) {
                if (end - p < 2 || utf8[p] != (byte) (0xC0 | c >> 6) || utf8[p + 1] != (byte) (0x80 | c & 0x3F)) return false;
                p += 2;
            } else if (!Character.isSurrogate(c)) {
                if (end - p < 3 || utf8[p] != (byte) (0xE0 | c >> 12) || utf8[p + 1] != (byte) (0x80 | c >> 6 & 0x3F)
                        || utf8[p + 2] != (byte) (0x80 | c & 0x3F)) {
                    return false;
                }
                p += 3;
            } else {
                if (!Character.isHighSurrogate(c) || i + 1 == to || !Character.isLowSurrogate(s.charAt(i + 1))) return false;
                int cp = Character.toCodePoint(c, s.charAt(++i));
                if (end - p < 4) return false;
                for (int k = 0; k < 4; k++) {
                    if (utf8[p++] != utf8Byte(cp, 4, k)) return false;
                }
            }
        }
        return p == end;
    }

    /** Whether texts {@code a} and {@code b} are the same. */
    boolean same(int a, int b) {
        return Arrays.equals(utf8, offsets[a], offsets[a + 1], utf8, offsets[b], offsets[b + 1]);
    }

    /**
     * Whether each text {@code utf8[offsets[i], offsets[i + 1])} is well-formed UTF-8 (Unicode's table 3-7: no
     * overlong forms, surrogates or code points past U+10FFFF, no sequence cut short), which is what
     * {@code new String(bytes, UTF_8)} decodes without a U+FFFD of its own and {@link #encode} spells again
     * byte for byte.
     */
    static boolean wellFormed(byte[] utf8, int[] offsets) {
        for (int i = 0; i + 1 < offsets.length; i++) {
            for (int p = offsets[i], end = offsets[i + 1]; p < end; ) {
                int b = utf8[p] & 0xFF;
                if (b < 0x80) {
                    p++;
                    continue;
                }
                int length = b < 0xC2 ? 0 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : b < 0xF5 ? 4 : 0;
                if (length == 0 || end - p < length) return false;
                // The second byte's range rules out the overlong forms, surrogates and code points past U+10FFFF.
                int second = utf8[p + 1] & 0xFF;
                int low = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80, high = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
                if (second < low || second > high) return false;
                for (int k = 2; k < length; k++) {
                    if ((utf8[p + k] & 0xC0) != 0x80) return false;
                }
                p += length;
            }
        }
        return true;
    }

    /** The code point at {@code i}, an unpaired surrogate read as U+FFFD. */
    private static int codePointAt(String s, int i) {
        char c = s.charAt(i);
        if (!Character.isSurrogate(c)) return c;
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            return Character.toCodePoint(c, s.charAt(i + 1));
        }
        return 0xFFFD;
    }

    /** Writes {@code s} as UTF-8 at {@code at} (room for 3 bytes per char is enough); returns the end. */
    private static int encode(String s, byte[] out, int at) {
        for (int i = 0; i < s.length(); ) {
            int cp = codePointAt(s, i);
            i += Character.charCount(cp);
            int length = utf8Length(cp);
            for (int k = 0; k < length; k++) out[at++] = utf8Byte(cp, length, k);
        }
        return at;
    }

    private static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }

    /** Byte {@code k} of the {@code length} bytes that spell {@code cp} in UTF-8. */
    private static byte utf8Byte(int cp, int length, int k) {
        if (length == 1) return (byte) cp;
        int payload = cp >> (6 * (length - 1 - k));
        return (byte) (k == 0 ? (0xF00 >> length) | payload : 0x80 | payload & 0x3F);
    }

    private final class View extends AbstractList<String> implements RandomAccess {
        @Override
        public String get(int index) {
            return text(index);
        }

        @Override
        public int size() {
            return TokenTexts.this.size();
        }

        TokenTexts owner() {
            return TokenTexts.this;
        }
    }
}
