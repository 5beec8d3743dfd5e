package dev.glassbox.model.tokenizer.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.glassbox.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** llama.cpp's SentencePiece merges on vocabularies small enough to follow by hand. */
class SpmEncoderTest {

    /** Texts with their scores, ids in order. */
    private static SpmEncoder vocabulary(int unknown, Object... textScorePairs) {
        List<String> texts = new ArrayList<>();
        float[] scores = new float[textScorePairs.length / 2];
        for (int i = 0; i < scores.length; i++) {
            texts.add((String) textScorePairs[2 * i]);
            scores[i] = ((Number) textScorePairs[2 * i + 1]).floatValue();
        }
        return new SpmEncoder(new TokenIndex(TokenTexts.of(texts)), scores, unknown);
    }

    private static int[] encode(SpmEncoder e, String text) {
        IntList out = new IntList();
        e.encode(text, out);
        return out.toArray();
    }

    @Test
    void theBestScoreMergesFirstAndTheLeftmostAmongEquals() {
        SpmEncoder e = vocabulary(-1, "a", 0, "b", 0, "c", 0, "ab", -2, "bc", -1, "abc", -3);
        assertArrayEquals(new int[] {5}, encode(e, "abc"));
        SpmEncoder f = vocabulary(-1, "a", 0, "aa", -1);
        assertArrayEquals(new int[] {1, 0}, encode(f, "aaa"));
        assertArrayEquals(new int[] {1, 1}, encode(f, "aaaa"));
    }

    @Test
    void aCharacterOutsideTheVocabularyStillMergesIntoATokenThatSpellsIt() {
        // "é" alone is no token, but "xé" is: llama.cpp merges by text, before any byte fallback
        SpmEncoder e = vocabulary(-1, "x", 0, "xé", -1);
        assertArrayEquals(new int[] {1}, encode(e, "xé"));
    }

    @Test
    void leftoverCharactersFallBackToByteTokensThenToUnknown() {
        SpmEncoder withBytes = vocabulary(-1, "<unk>", 0, "a", 0, "<0xC3>", 0, "<0xA9>", 0);
        assertArrayEquals(new int[] {1, 2, 3}, encode(withBytes, "aé"));
        SpmEncoder withUnknown = vocabulary(0, "<unk>", 0, "a", 0);
        assertArrayEquals(new int[] {1, 0, 0}, encode(withUnknown, "aé"));
        SpmEncoder neither = vocabulary(-1, "a", 0);
        assertThrows(InvalidInputException.class, () -> encode(neither, "aé"));
    }

    @Test
    void aControlTokensTextMergesLikeAnyOther() {
        // with parse_special off, "<s>" in a text is still merged into the <s> token when pieces lead there
        SpmEncoder e = vocabulary(-1, "<", 0, "s", 0, ">", 0, "<s", -1, "<s>", 0);
        assertArrayEquals(new int[] {4}, encode(e, "<s>"));
    }
}
