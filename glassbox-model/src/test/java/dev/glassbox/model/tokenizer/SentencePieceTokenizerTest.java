package dev.glassbox.model.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The merge rules on vocabularies small enough to follow by hand. */
class SentencePieceTokenizerTest {

    /** Pieces with their scores; every piece NORMAL, no BOS/EOS, no dummy prefix. */
    private static SentencePieceTokenizer vocabulary(Object... pieceScorePairs) {
        int n = pieceScorePairs.length / 2;
        List<byte[]> pieces = new java.util.ArrayList<>();
        float[] scores = new float[n];
        PieceType[] types = new PieceType[n];
        for (int i = 0; i < n; i++) {
            byte[] piece = ((String) pieceScorePairs[2 * i]).getBytes(StandardCharsets.UTF_8);
            pieces.add(piece);
            scores[i] = ((Number) pieceScorePairs[2 * i + 1]).floatValue();
            types[i] = SentencePieceTokenizer.byteValue(piece) >= 0 ? PieceType.BYTE
                    : new String(piece, StandardCharsets.UTF_8).equals("<unk>") ? PieceType.UNKNOWN : PieceType.NORMAL;
        }
        return new SentencePieceTokenizer(pieces, scores, types, -1, -1, false);
    }

    @Test
    void theBestScoringMergeGoesFirst() {
        // a b c: "bc" (-1) beats "ab" (-2); then a + bc = "abc" exists
        SentencePieceTokenizer t = vocabulary("a", 0, "b", 0, "c", 0, "ab", -2, "bc", -1, "abc", -3);
        assertArrayEquals(new int[] {5}, t.encode("abc"));
        // without "abc", the result stays a | bc, although "ab" is a piece too
        SentencePieceTokenizer u = vocabulary("a", 0, "b", 0, "c", 0, "ab", -2, "bc", -1);
        assertArrayEquals(new int[] {0, 4}, u.encode("abc"));
    }

    @Test
    void equalScoresMergeLeftmostFirst() {
        SentencePieceTokenizer t = vocabulary("a", 0, "aa", -1);
        assertArrayEquals(new int[] {1, 0}, t.encode("aaa"));
        assertArrayEquals(new int[] {1, 1}, t.encode("aaaa"));
    }

    @Test
    void bytesFallBackToByteTokensThenToUnknown() {
        SentencePieceTokenizer withBytes = vocabulary("a", 0, "<0xC3>", 0, "<0xA9>", 0);
        assertArrayEquals(new int[] {0, 1, 2}, withBytes.encode("aé"));
        assertEquals("aé", withBytes.decode(withBytes.encode("aé")));

        SentencePieceTokenizer withUnknown = vocabulary("<unk>", 0, "a", 0);
        assertArrayEquals(new int[] {1, 0, 0}, withUnknown.encode("aé"), "one <unk> per byte");

        SentencePieceTokenizer neither = vocabulary("a", 0);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> neither.encode("aé"));
        assertTrue(e.getMessage().contains("cannot encode the byte 0xC3"), e.getMessage());
    }

    @Test
    void byteTokensNeverMerge() {
        // "<0x61>" spelled out is not the piece "a" + anything; even a piece "<0x61><0x62>" is never formed
        SentencePieceTokenizer t = vocabulary("<0xC3>", 0, "<0xA9>", 0, "<0xC3><0xA9>", 5);
        assertArrayEquals(new int[] {0, 1}, t.encode("é"));
    }

    @Test
    void byteSpellingIsExact() {
        assertEquals(0x0A, SentencePieceTokenizer.byteValue("<0x0A>".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(0xff, SentencePieceTokenizer.byteValue("<0xff>".getBytes(StandardCharsets.US_ASCII)));
        for (String notByte : List.of("<0x0A", "<0x0G>", "0x0A>", "<0X0A>", "<0x0AA>")) {
            assertEquals(-1, SentencePieceTokenizer.byteValue(notByte.getBytes(StandardCharsets.US_ASCII)), notByte);
        }
    }

    @Test
    void decodingRejectsIdsOutsideTheVocabulary() {
        SentencePieceTokenizer t = vocabulary("a", 0);
        assertThrows(InvalidInputException.class, () -> t.decode(-1, 1));
        assertEquals(Arrays.toString(new int[] {0}), Arrays.toString(t.encode("a")));
    }
}
