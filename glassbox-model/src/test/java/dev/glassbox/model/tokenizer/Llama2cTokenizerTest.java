package dev.glassbox.model.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.glassbox.core.SharedFiles;
import dev.glassbox.model.llama2c.Llama2cTokenizers;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** stories260K's 512-piece tokenizer, against ids from a separate port of llama2.c's encode(). */
class Llama2cTokenizerTest {
    private static final Tokenizer TOKENIZER =
            Llama2cTokenizers.load(SharedFiles.require("models/stories260K/tok512.bin"), 512, null);

    @Test
    void encodesAsLlama2cDoes() {
        assertArrayEquals(new int[] {403, 407, 261, 378, 432, 383, 286, 261, 376, 298, 315, 421, 395, 317, 426},
                TOKENIZER.encode("Once upon a time, there was a little girl named Lily."));
        assertArrayEquals(new int[] {317, 439, 419, 357, 336, 432, 313, 440, 417, 443, 436, 13},
                TOKENIZER.encode("Lily's mom said, \"Hi!\"\n"), "newline falls back to <0x0A>");
        // é is a piece; ö and the CJK characters fall back to one byte token per UTF-8 byte
        assertArrayEquals(new int[] {270, 485, 306, 414, 263, 198, 185, 420, 341, 410, 233, 154, 168, 233, 159, 175},
                TOKENIZER.encode("héllo wörld 日本"));
        assertArrayEquals(new int[] {410, 444}, TOKENIZER.encode("x"), "the dummy prefix is its own piece here");
        assertArrayEquals(new int[0], TOKENIZER.encode(""), "no dummy prefix for empty text");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Once upon a time", "  two leading spaces", "tabs\tand\nnewlines\n", "héllo wörld 日本",
            "emoji 🙂 and ∑ maths", "Ünïcödé at the start", "ends with space ", "\u0001 control byte", "x"})
    void roundTrips(String text) {
        int[] ids = TOKENIZER.encode(text);
        assertEquals(text, TOKENIZER.decode(ids), "without BOS");
        assertEquals(text, TOKENIZER.decode(IntStream.concat(IntStream.of(Llama2cTokenizers.BOS), IntStream.of(ids)).toArray()),
                "after BOS");
    }

    @Test
    void streamingHoldsBackAHalfFinishedCharacter() {
        TextStream stream = TOKENIZER.stream();
        List<String> pieces = new ArrayList<>();
        for (int id : TOKENIZER.encode("日本")) pieces.add(stream.next(id));
        // " " then E6 97 A5 (日) then E6 9C AC (本); the space is dropped as the text's first
        assertEquals(List.of("", "", "", "日", "", "", "本"), pieces);
        assertEquals("", stream.finish());
    }

    @Test
    void aCharacterCutOffAtTheEndBecomesAReplacementCharacter() {
        TextStream stream = TOKENIZER.stream();
        assertEquals("", stream.next(233)); // <0xE6>: the first byte of three
        assertEquals("", stream.next(154));
        assertEquals("\uFFFD", stream.finish());
        assertEquals("\uFFFDa", TOKENIZER.decode(new int[] {258, 412}), "<0xFF> can start no character; 412 is 'a'");
    }

    @Test
    void leadingSpaceIsDroppedOnlyAtTheStartOrAfterBos() {
        int once = 403; // " Once"
        assertArrayEquals("Once".getBytes(), TOKENIZER.decode(-1, once));
        assertArrayEquals("Once".getBytes(), TOKENIZER.decode(Llama2cTokenizers.BOS, once));
        assertArrayEquals(" Once".getBytes(), TOKENIZER.decode(426, once));
    }

    @Test
    void vocabularyFacts() {
        assertEquals(512, TOKENIZER.vocabSize());
        assertEquals(1, TOKENIZER.bos().getAsInt());
        assertEquals(2, TOKENIZER.eos().getAsInt());
        assertEquals("<0x0A>", TOKENIZER.piece(13));
        assertEquals(" Once", TOKENIZER.piece(403));
        assertArrayEquals(new byte[] {'\n'}, TOKENIZER.decode(-1, 13), "byte tokens decode to their byte");
        assertArrayEquals(new byte[0], TOKENIZER.decode(-1, 2), "EOS adds no text");
        SentencePieceTokenizer sp = (SentencePieceTokenizer) TOKENIZER;
        assertEquals(PieceType.UNKNOWN, sp.type(0));
        assertEquals(PieceType.CONTROL, sp.type(1));
        assertEquals(PieceType.BYTE, sp.type(258));
        assertEquals(PieceType.NORMAL, sp.type(403));
    }
}
