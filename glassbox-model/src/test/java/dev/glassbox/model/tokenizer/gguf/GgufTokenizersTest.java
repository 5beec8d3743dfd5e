package dev.glassbox.model.tokenizer.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.GlassboxException;
import dev.glassbox.core.MalformedFileException;
import dev.glassbox.io.gguf.GgufValue;
import dev.glassbox.io.gguf.GgufValueType;
import dev.glassbox.io.gguf.GgufWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vocabulary-only GGUF files written here, read back as tokenizers: the wiring, without llama.cpp's fixtures. */
class GgufTokenizersTest {
    @TempDir Path dir;

    /** A SentencePiece vocabulary: <unk> <s> </s>, 256 byte tokens, then pieces. */
    private Path spm(String... pieces) {
        List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
        List<Integer> types = new ArrayList<>(List.of(2, 3, 3));
        for (int b = 0; b < 256; b++) {
            tokens.add(String.format("<0x%02X>", b));
            types.add(6);
        }
        for (String p : pieces) {
            tokens.add(p);
            types.add(1);
        }
        float[] scores = new float[tokens.size()];
        for (int i = 0; i < scores.length; i++) scores[i] = -i;
        Path file = dir.resolve("spm.gguf");
        new GgufWriter()
                .put("general.architecture", GgufValue.string("llama"))
                .put("tokenizer.ggml.model", GgufValue.string("llama"))
                .put("tokenizer.ggml.tokens", GgufValue.strings(tokens))
                .put("tokenizer.ggml.scores", GgufValue.array(GgufValueType.FLOAT32, scores))
                .put("tokenizer.ggml.token_type", GgufValue.array(GgufValueType.INT32,
                        types.stream().mapToInt(Integer::intValue).toArray()))
                .write(file);
        return file;
    }

    @Test
    void aSentencePieceVocabularyEncodesWithASpacePrefixAndDecodesBack() {
        GgufTokenizer t = GgufTokenizers.load(spm("▁", "▁h", "▁hi", "h", "i"));
        assertEquals("llama", t.model());
        assertEquals(1, t.bos().orElseThrow(), "llama.cpp's default BOS");
        int hi = 259 + 2;
        assertArrayEquals(new int[] {hi}, t.encode("hi"));
        assertTrue(t.addsBos());
        assertArrayEquals(new int[] {1, hi}, t.encode("hi", true, false));
        int[] withByte = t.encode("hi\n");
        assertArrayEquals(new int[] {hi, 3 + '\n'}, withByte);
        assertEquals("hi\n", t.decode(withByte));
        assertEquals("hi", t.decode(new int[] {1, hi}), "the space after BOS goes too");
        assertArrayEquals(new int[] {hi, 1}, t.encode("hi<s>", false, true), "parsing specials cuts out <s>");
        assertArrayEquals(new int[] {hi, 3 + '<', 3 + 's', 3 + '>'}, t.encode("hi<s>"), "without, <s> is text (here bytes)");
    }

    @Test
    void aBpeVocabularyNeedsMergesAndAKnownPreTokenizer() {
        Path file = dir.resolve("bpe.gguf");
        new GgufWriter()
                .put("tokenizer.ggml.model", GgufValue.string("gpt2"))
                .put("tokenizer.ggml.pre", GgufValue.string("gpt-2"))
                .put("tokenizer.ggml.tokens", GgufValue.strings(List.of("h", "i", "hi", "Ġ", "Ġhi")))
                .put("tokenizer.ggml.merges", GgufValue.strings(List.of("h i", "Ġ hi")))
                .write(file);
        GgufTokenizer t = GgufTokenizers.load(file);
        assertArrayEquals(new int[] {2, 4}, t.encode("hi hi"));
        assertEquals("hi hi", t.decode(t.encode("hi hi")));

        Path unknownPre = dir.resolve("pre.gguf");
        new GgufWriter()
                .put("tokenizer.ggml.model", GgufValue.string("gpt2"))
                .put("tokenizer.ggml.pre", GgufValue.string("no-such-pre"))
                .put("tokenizer.ggml.tokens", GgufValue.strings(List.of("a")))
                .put("tokenizer.ggml.merges", GgufValue.strings(List.of()))
                .write(unknownPre);
        GlassboxException e = assertThrows(GlassboxException.class, () -> GgufTokenizers.load(unknownPre));
        assertTrue(e.getMessage().contains("no-such-pre"), e.getMessage());
    }

    @Test
    void unsupportedAndMalformedVocabulariesSayWhat() {
        Path t5 = dir.resolve("t5.gguf");
        new GgufWriter()
                .put("tokenizer.ggml.model", GgufValue.string("t5"))
                .put("tokenizer.ggml.tokens", GgufValue.strings(List.of("a")))
                .write(t5);
        GlassboxException e = assertThrows(GlassboxException.class, () -> GgufTokenizers.load(t5));
        assertTrue(e.getMessage().contains("Unigram"), e.getMessage());

        Path noTokens = dir.resolve("none.gguf");
        new GgufWriter().put("tokenizer.ggml.model", GgufValue.string("llama")).write(noTokens);
        MalformedFileException m = assertThrows(MalformedFileException.class, () -> GgufTokenizers.load(noTokens));
        assertTrue(m.getMessage().contains("tokenizer.ggml.tokens"), m.getMessage());

        Path shortScores = dir.resolve("scores.gguf");
        new GgufWriter()
                .put("tokenizer.ggml.model", GgufValue.string("llama"))
                .put("tokenizer.ggml.tokens", GgufValue.strings(List.of("a", "b")))
                .put("tokenizer.ggml.scores", GgufValue.array(GgufValueType.FLOAT32, new float[] {0}))
                .write(shortScores);
        m = assertThrows(MalformedFileException.class, () -> GgufTokenizers.load(shortScores));
        assertTrue(m.getMessage().contains("1 entries for 2 tokens"), m.getMessage());
    }
}
