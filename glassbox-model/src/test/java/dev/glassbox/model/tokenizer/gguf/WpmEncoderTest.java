package dev.glassbox.model.tokenizer.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** llama.cpp's WordPiece on a vocabulary small enough to follow by hand. */
class WpmEncoderTest {
    private static final List<String> TOKENS = List.of("[UNK]", "▁un", "▁unaff", "able", "aff", "▁cafe", "▁,", "▁中", "▁a");
    private static final TokenIndex IDS = new TokenIndex(TokenTexts.of(TOKENS));

    private static int[] encode(String text) {
        WpmEncoder e = new WpmEncoder(IDS, IDS.texts().maxByteLength(), 0, true, true);
        IntList out = new IntList();
        e.encode(text, out);
        return out.toArray();
    }

    @Test
    void theLongestTokenWinsFromTheLeft() {
        assertArrayEquals(new int[] {2, 3}, encode("unaffable"), "▁unaff + able, not ▁un + aff + able");
    }

    @Test
    void accentsCaseAndPunctuationAreNormalised() {
        assertArrayEquals(new int[] {5, 6, 7, 8}, encode("CAFÉ,中a"));
    }

    @Test
    void aWordThatCannotBeCoveredIsUnknown() {
        assertArrayEquals(new int[] {0, 8}, encode("unx a"));
    }
}
