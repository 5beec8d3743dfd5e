package dev.glassbox.model.tokenizer.gguf;

import java.text.Normalizer;

/**
 * The Unicode classes llama.cpp's pre-tokenizers test a code point for: its general category collapsed to
 * one flag (letter, number, mark, punctuation, symbol, separator, control, undefined) plus White_Space.
 * llama.cpp reads these from its own table of UnicodeData.txt (Unicode 15.1); Glassbox asks
 * {@link Character} (Unicode 16.0 in Java 25) and takes Unicode 16.0's additions back out
 * ({@link NewInUnicode16}), which gives llama.cpp's table on every code point.
 *
 * <p>A position outside the text has no flags at all ({@link #NONE}); llama.cpp's splitters rely on that
 * to stop runs at the end of a word.
 */
final class CodepointFlags {
    static final int NONE = 0;
    static final int UNDEFINED = 0x0001;
    static final int NUMBER = 0x0002;
    static final int LETTER = 0x0004;
    static final int SEPARATOR = 0x0008;
    static final int MARK = 0x0010;
    static final int PUNCTUATION = 0x0020;
    static final int SYMBOL = 0x0040;
    static final int CONTROL = 0x0080;
    static final int CATEGORIES = 0x00FF;
    static final int WHITESPACE = 0x0100;

    private CodepointFlags() {}

    /** The category flag of {@code cp}, with {@link #WHITESPACE} added when it is White_Space. */
    static int of(int cp) {
        if (cp < 0 || cp > Character.MAX_CODE_POINT) return UNDEFINED;
        int flags = NewInUnicode16.contains(cp) ? UNDEFINED : category(Character.getType(cp));
        return isWhitespace(cp) ? flags | WHITESPACE : flags;
    }

    static boolean isLetter(int flags) {
        return (flags & LETTER) != 0;
    }

    static boolean isNumber(int flags) {
        return (flags & NUMBER) != 0;
    }

    static boolean isMark(int flags) {
        return (flags & MARK) != 0;
    }

    static boolean isSpace(int flags) {
        return (flags & WHITESPACE) != 0;
    }

    /** Unicode's White_Space property (PropList.txt), the set llama.cpp lists by hand. */
    static boolean isWhitespace(int cp) {
        return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F
                || cp == 0x3000;
    }

    static boolean isPunctuation(int flags) {
        return (flags & PUNCTUATION) != 0;
    }

    static boolean isSymbol(int flags) {
        return (flags & SYMBOL) != 0;
    }

    static boolean isControl(int flags) {
        return (flags & CONTROL) != 0;
    }

    /** Simple lowercase mapping (UnicodeData.txt's field 13) as of Unicode 15.1, as llama.cpp's unicode_tolower. */
    static int toLower(int cp) {
        return NewInUnicode16.contains(cp) ? cp : Character.toLowerCase(cp);
    }

    /**
     * The first code point of {@code cp}'s canonical decomposition (NFD), as of Unicode 15.1: what
     * llama.cpp's {@code unicode_cpts_normalize_nfd} keeps of a character ("é" → "e").
     */
    static int nfdFirst(int cp) {
        if (cp < 0xC0 || NewInUnicode16.contains(cp) || (cp >= 0xD800 && cp <= 0xDFFF)) return cp;
        return Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFD).codePointAt(0);
    }

    private static int category(int type) {
        return switch (type) {
            case Character.UNASSIGNED -> UNDEFINED;
            case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE -> CONTROL;
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER -> LETTER;
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> MARK;
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> NUMBER;
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> PUNCTUATION;
            case Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> SYMBOL;
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> SEPARATOR;
            default -> UNDEFINED;
        };
    }
}
