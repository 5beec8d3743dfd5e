package dev.glassbox.model.tokenizer.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The packed token texts and their hash index against what a String[] and a HashMap filled in id order gave. */
class TokenIndexTest {
    private static final List<String> TEXTS = List.of("a", "▁the", "é", "中文", "😀", "<0x0A>", "a", "▁the", "", "ab",
            "😀👍🏽", "é", "\u0000", "\uFFFD");

    @Test
    void everyTextFindsTheLastIdThatHasIt() {
        TokenIndex index = new TokenIndex(TokenTexts.of(TEXTS));
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < TEXTS.size(); i++) expected.put(TEXTS.get(i), i);
        for (String text : TEXTS) assertEquals(expected.get(text), index.id(text), text);
        assertEquals(6, index.id("a"), "last duplicate wins");
        assertEquals(7, index.id("▁the"));
        assertEquals(11, index.id("é"));
    }

    @Test
    void orTheFirstWhenAskedFor() {
        TokenIndex index = TokenIndex.firstWins(TokenTexts.of(TEXTS));
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < TEXTS.size(); i++) expected.putIfAbsent(TEXTS.get(i), i);
        for (String text : TEXTS) assertEquals(expected.get(text), index.id(text), text);
        assertEquals(0, index.id("a"));
    }

    @Test
    void absentTextsAreMinusOne() {
        TokenIndex index = new TokenIndex(TokenTexts.of(TEXTS));
        for (String absent : List.of("b", "▁th", "▁thee", "中", "😀👍", "e\u0301", "aa", "A")) {
            assertEquals(-1, index.id(absent), absent);
        }
        assertEquals(-1, new TokenIndex(TokenTexts.of(List.of())).id("a"));
    }

    @Test
    void partsOfAStringAreLookedUpInPlace() {
        TokenIndex index = new TokenIndex(TokenTexts.of(TEXTS));
        String s = "x▁the中文😀y";
        assertEquals(7, index.id(s, 1, 5));
        assertEquals(3, index.id(s, 5, 7));
        assertEquals(4, index.id(s, 7, 9));
        assertEquals(-1, index.id(s, 1, 4));
        assertEquals(8, index.id(s, 3, 3), "the empty text");
    }

    @Test
    void anUnpairedSurrogateIsKeptAsReplacementCharacterAndNeverFound() {
        TokenTexts texts = TokenTexts.of(List.of("x\uD83D", "\uFFFD", "😀"));
        assertEquals("x\uFFFD", texts.text(0));
        TokenIndex index = new TokenIndex(texts);
        assertEquals(0, index.id("x\uFFFD"));
        assertEquals(-1, index.id("x\uD83D"), "as a HashMap of the texts as stored");
        assertEquals(-1, index.id("\uDE00"));
        assertEquals(-1, index.id("😀", 0, 1), "half a pair");
        assertEquals(2, index.id("😀", 0, 2));
    }

    @Test
    void textsRoundTripWithTheirUtf8Lengths() {
        TokenTexts texts = TokenTexts.of(TEXTS);
        assertEquals(TEXTS.size(), texts.size());
        int max = 0;
        for (int i = 0; i < TEXTS.size(); i++) {
            assertEquals(TEXTS.get(i), texts.text(i));
            int length = TEXTS.get(i).getBytes(StandardCharsets.UTF_8).length;
            assertEquals(length, texts.byteLength(i));
            max = Math.max(max, length);
        }
        assertEquals(max, texts.maxByteLength());
        assertEquals(TEXTS, texts.asList());
        assertSame(texts, TokenTexts.of(texts.asList()), "a packed list is not copied again");
    }

    @Test
    void emptyTextsCanBeReplaced() {
        TokenTexts texts = TokenTexts.of(List.of("a", "", "b", ""));
        TokenTexts replaced = texts.withEmptyAs(i -> "[EMPTY_" + i + "]");
        assertEquals(List.of("a", "[EMPTY_1]", "b", "[EMPTY_3]"), replaced.asList());
        TokenTexts none = TokenTexts.of(List.of("a", "b"));
        assertSame(none, none.withEmptyAs(i -> "x"));
    }

    @Test
    void aLargeVocabularyWithDuplicatesMatchesAHashMap() {
        Random random = new Random(7);
        int[] alphabet = {'a', 'b', ' ', 'é', 'ß', '▁', '中', 0x1F600, 0x10FFFF};
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = random.nextInt(6); k > 0; k--) s.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
            texts.add(s.toString());
        }
        TokenIndex index = new TokenIndex(TokenTexts.of(texts));
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) expected.put(texts.get(i), i);
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(expected.get(texts.get(i)), index.id(texts.get(i)), texts.get(i));
            assertEquals(texts.get(i), index.texts().text(i));
        }
        for (int i = 0; i < 10_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = 6 + random.nextInt(3); k > 0; k--) s.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
            assertEquals(-1, index.id(s.toString()), "longer than any text");
        }
    }
}
