package dev.glassbox.model.tokenizer.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegexSplitTest {

    static List<String> split(WordSplit split, String text) {
        int[] cps = text.codePoints().toArray();
        IntList whole = new IntList();
        whole.add(cps.length);
        IntList pieces = split.split(cps, whole);
        List<String> words = new ArrayList<>();
        for (int i = 0, start = 0; i < pieces.size(); start += pieces.get(i++)) words.add(new String(cps, start, pieces.get(i)));
        return words;
    }

    @Test
    void ecmaScriptBecomesJava() {
        assertEquals("\\s+\\z", RegexSplit.toJava("\\s+$", false), "$ is only the end of the input");
        assertEquals("[a\\[b\\&\\&c]", RegexSplit.toJava("[a[b&&c]", false), "[ and & are literal in an ECMAScript class");
        assertEquals("[\\$]", RegexSplit.toJava("[\\$]", false), "escapes stay as they are");
        assertEquals("[" + RegexSplit.LETTER + "A-Za-z]+", RegexSplit.toJava("\\p{L}+", true));
        assertEquals("[^\\s" + RegexSplit.LETTER + "A-Za-z" + RegexSplit.NUMBER + "0-9]", RegexSplit.toJava("[^\\s\\p{L}\\p{N}]", true));
        assertEquals("[" + RegexSplit.LETTER + "A-Za-z]", RegexSplit.toJava("\\p{Lu}", true), "letter subclasses collapse to \\p{L}");
    }

    @Test
    void textBetweenMatchesIsKept() {
        assertEquals(List.of("ab", "12", "cd", "3"), split(new RegexSplit("\\p{N}+"), "ab12cd3"));
        assertEquals(List.of("日", "本", "語x"), split(new RegexSplit("[本]"), "日本語x"), "code points, not UTF-16 units");
        assertEquals(List.of("𝐀", "1", "𝐁"), split(new RegexSplit("\\p{N}"), "𝐀1𝐁"));
    }

    @Test
    void unicodeClassesMatchThroughTheirMarkers() {
        // falcon's first expression: punctuation runs, non-ASCII punctuation included
        WordSplit falcon = new RegexSplit("[\\p{P}\\$\\+<=>\\^~\\|`]+");
        assertEquals(List.of("a", "。、", "b", "$+", "c"), split(falcon, "a。、b$+c"));
        // non-ASCII whitespace is \s (as U+000B) in both modes
        assertEquals(List.of("a", "\u3000", "b"), split(new RegexSplit("\\s+"), "a\u3000b"));
        assertEquals(List.of("a", "\u3000", "b"), split(new RegexSplit("\\p{N}|\\s+"), "a\u3000b"));
    }

    @Test
    void handWrittenSplittersAgreeWithTheirExpressionsOnOrdinaryText() {
        String text = "Hello world, it's 2024!\n\n  I'VE got 12345 apples\t\tand naïve cafés — 東京 ok?  ";
        assertEquals(split(new RegexSplit(gpt2()), text), split(new Gpt2Split(), text));
        assertEquals(split(new RegexSplit(llama3()), text), split(Llama3Split.LLAMA3, text));
    }

    private static String gpt2() {
        return "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";
    }

    private static String llama3() {
        return "(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    }
}
