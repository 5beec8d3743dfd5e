package dev.glassbox.model.tokenizer.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** llama.cpp's BPE merges on a byte-level vocabulary small enough to follow by hand. */
class BpeEncoderTest {
    private static final List<String> TOKENS = List.of("a", "b", "c", "Ġ", "ab", "bc", "abc", "Ġa", "Ġab", "!");
    private static final TokenIndex IDS = new TokenIndex(TokenTexts.of(TOKENS));

    private static int[] encode(List<String> merges, boolean ignoreMerges, String text) {
        BpeEncoder e = new BpeEncoder(IDS, new BpeMerges(merges), PreTokenizerType.GPT2, ignoreMerges);
        IntList out = new IntList();
        e.encode(text, out);
        return out.toArray();
    }

    @Test
    void theLowestRankMergesFirst() {
        assertArrayEquals(new int[] {0, 5}, encode(List.of("b c", "a b", "ab c"), false, "abc"), "b+c first, then a+bc has no merge");
        assertArrayEquals(new int[] {6}, encode(List.of("a b", "b c", "ab c"), false, "abc"));
    }

    @Test
    void wordsMergeOnlyWithinThemselves() {
        assertArrayEquals(new int[] {4, 8}, encode(List.of("Ġ a", "a b", "Ġa b"), false, "ab ab"));
    }

    @Test
    void ignoringMergesTakesAWordThatIsAToken() {
        assertArrayEquals(new int[] {6}, encode(List.of(), true, "abc"));
        assertArrayEquals(new int[] {0, 1, 2}, encode(List.of(), false, "abc"));
    }

    @Test
    void aSymbolThatIsNoTokenFallsBackToItsAsciiBytesOnly() {
        // "é" is spelled "Ã©" in the byte alphabet; neither character is a token, and a lone non-ASCII byte
        // cannot be one, so it is dropped, as llama.cpp drops it
        assertArrayEquals(new int[] {0, 9}, encode(List.of(), false, "aé!"));
    }
}
