package dev.glassbox.model.tokenizer.gguf;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pre-tokenizer expression without hand-written code, run the way llama.cpp runs it through
 * {@code std::regex} (ECMAScript), so that the words come out the same:
 * <ul>
 *   <li>An expression using Unicode classes ({@code \p{L}}, {@code \p{N}}, {@code \p{P}}, {@code \p{M}},
 *       {@code \p{S}}, and the letter subclasses, which llama.cpp treats as {@code \p{L}}) is matched against a
 *       <em>collapsed</em> text: every code point at or above 128 is replaced by one marker character for its
 *       class (whitespace by U+000B), and each class in the expression by its marker plus its ASCII members.
 *   <li>Any other expression is matched against the code points, with non-ASCII whitespace replaced by
 *       U+000B (llama.cpp's {@code std::wregex} does not count it as {@code \s}).
 * </ul>
 * ECMAScript and Java agree on everything these expressions use once three differences are handled:
 * {@code [} inside a class is literal in ECMAScript (nested in Java), {@code &&} inside a class is
 * intersection in Java, and {@code $} is only the end of the input in ECMAScript.
 */
final class RegexSplit implements WordSplit {
    private static final List<String> CLASSES =
            List.of("\\p{N}", "\\p{L}", "\\p{P}", "\\p{M}", "\\p{S}", "\\p{Lu}", "\\p{Ll}", "\\p{Lt}", "\\p{Lm}", "\\p{Lo}");
    static final char OTHER = '\u00D0', NUMBER = '\u00D1', LETTER = '\u00D2', PUNCTUATION = '\u00D3', MARK = '\u00D4',
            SYMBOL = '\u00D5';
    private static final char WHITESPACE = '\u000B';

    private final Pattern pattern;
    private final boolean collapsed;

    RegexSplit(String ecmaScript) {
        this.collapsed = CLASSES.stream().anyMatch(ecmaScript::contains);
        if (collapsed && !ecmaScript.chars().allMatch(c -> c < 128)) {
            throw new IllegalArgumentException("an expression with Unicode classes must be ASCII otherwise: " + ecmaScript);
        }
        this.pattern = Pattern.compile(toJava(ecmaScript, collapsed));
    }

    @Override
    public IntList split(int[] cps, IntList pieces) {
        IntList out = new IntList();
        int start = 0;
        for (int i = 0; i < pieces.size(); i++) {
            int end = start + pieces.get(i);
            splitPiece(text(cps, start, end), out);
            start = end;
        }
        return out;
    }

    /** The piece as the expression sees it: one char per code point when collapsed, else the code points. */
    private String text(int[] cps, int start, int end) {
        StringBuilder s = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            int cp = cps[i];
            if (cp < 128) {
                s.append((char) cp);
            } else if (CodepointFlags.isWhitespace(cp)) {
                s.append(WHITESPACE);
            } else if (collapsed) {
                s.append(marker(CodepointFlags.of(cp) & CodepointFlags.CATEGORIES));
            } else {
                s.appendCodePoint(cp);
            }
        }
        return s.toString();
    }

    /** Matches and the text between them become pieces, lengths counted in code points. */
    private void splitPiece(String text, IntList out) {
        Matcher m = pattern.matcher(text);
        int previous = 0;
        while (m.find()) {
            if (m.start() > previous) out.add(text.codePointCount(previous, m.start()));
            if (m.end() > m.start()) out.add(text.codePointCount(m.start(), m.end()));
            previous = m.end();
        }
        if (previous < text.length()) out.add(text.codePointCount(previous, text.length()));
    }

    private static char marker(int category) {
        return switch (category) {
            case CodepointFlags.NUMBER -> NUMBER;
            case CodepointFlags.LETTER -> LETTER;
            case CodepointFlags.PUNCTUATION -> PUNCTUATION;
            case CodepointFlags.MARK -> MARK;
            case CodepointFlags.SYMBOL -> SYMBOL;
            default -> OTHER;
        };
    }

    /** The ASCII members of a class, as llama.cpp lists them (inside a character class). */
    private static String asciiMembers(String unicodeClass) {
        return switch (unicodeClass) {
            case "\\p{N}" -> NUMBER + "0-9";
            case "\\p{P}" -> PUNCTUATION + "!-#%-*,-/:-;?-@\\[-\\]_\\{\\}";
            case "\\p{M}" -> String.valueOf(MARK);
            case "\\p{S}" -> SYMBOL + "\\$\\+<->\\^`\\|~";
            default -> LETTER + "A-Za-z"; // \p{L} and its subclasses
        };
    }

    /** Rewrites an ECMAScript expression as a Java one (and collapses its Unicode classes when asked). */
    static String toJava(String ecma, boolean collapse) {
        StringBuilder java = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < ecma.length(); i++) {
            char c = ecma.charAt(i);
            if (c == '\\' && i + 1 < ecma.length()) {
                if (collapse && ecma.startsWith("\\p{", i)) {
                    int close = ecma.indexOf('}', i);
                    String cls = close < 0 ? "" : ecma.substring(i, close + 1);
                    if (CLASSES.contains(cls)) {
                        java.append(inClass ? asciiMembers(cls) : "[" + asciiMembers(cls) + "]");
                        i = close;
                        continue;
                    }
                }
                java.append(c).append(ecma.charAt(++i));
                continue;
            }
            if (!inClass) {
                if (c == '[') {
                    inClass = true;
                    java.append(c);
                    if (i + 1 < ecma.length() && ecma.charAt(i + 1) == '^') java.append(ecma.charAt(++i));
                } else if (c == '$') {
                    java.append("\\z");
                } else {
                    java.append(c);
                }
            } else if (c == ']') {
                inClass = false;
                java.append(c);
            } else if (c == '[' || c == '&') {
                java.append('\\').append(c);
            } else {
                java.append(c);
            }
        }
        return java.toString();
    }
}
