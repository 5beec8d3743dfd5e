package dev.glassbox.model.tokenizer.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.io.gguf.GgufFile;
import dev.glassbox.io.gguf.GgufMetadata;
import dev.glassbox.io.gguf.GgufValue;
import dev.glassbox.io.gguf.GgufWriter;
import dev.glassbox.io.gguf.PackedStrings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token texts read from a GGUF file are the reader's packed arrays, not a second copy of them. */
class GgufTokenTextsTest {
    private static final List<String> TOKENS = List.of("h", "i", "hi", "Ġ", "Ġhi", "é", "日本", "🦙");

    @TempDir Path dir;

    private Path bpe(List<String> tokens) {
        Path file = dir.resolve("bpe.gguf");
        new GgufWriter()
                .put("tokenizer.ggml.model", GgufValue.string("gpt2"))
                .put("tokenizer.ggml.pre", GgufValue.string("gpt-2"))
                .put("tokenizer.ggml.tokens", GgufValue.strings(tokens))
                .put("tokenizer.ggml.merges", GgufValue.strings(List.of("h i", "Ġ hi")))
                .write(file);
        return file;
    }

    private static PackedStrings packed(GgufMetadata metadata, String key) {
        return PackedStrings.of(metadata.require(key).asStrings()).orElseThrow();
    }

    @Test
    void aVocabularyReadFromAFileSharesTheReadersArrays() {
        try (GgufFile file = GgufFile.open(bpe(TOKENS))) {
            GgufVocabulary v = GgufVocabulary.read(file.metadata());
            TokenTexts tokens = TokenTexts.of(v.tokens());
            assertTrue(tokens.sharesArraysOf(packed(file.metadata(), "tokenizer.ggml.tokens")));
            assertTrue(TokenTexts.of(v.merges()).sharesArraysOf(packed(file.metadata(), "tokenizer.ggml.merges")));
            assertTrue(tokens.withEmptyAs(i -> "[EMPTY_" + i + "]").sharesArraysOf(packed(file.metadata(), "tokenizer.ggml.tokens")),
                    "no text is empty, so the tokenizer keeps them too");
            assertEquals(TOKENS, v.tokens());
            for (int id = 0; id < TOKENS.size(); id++) {
                assertEquals(TOKENS.get(id).hashCode(), tokens.hash(id));
                assertTrue(tokens.spells(id, TOKENS.get(id), 0, TOKENS.get(id).length()));
            }
            GgufTokenizer t = GgufTokenizer.of(v);
            assertArrayEquals(new int[] {2, 4}, t.encode("hi hi"));
        }
    }

    @Test
    void textsThatAreNotWellFormedUtf8AreCopiedAsTheyDecode() throws IOException {
        Path file = bpe(List.of("h", "i", "hi", "<é>"));
        byte[] bytes = Files.readAllBytes(file);
        byte[] e = "<é>".getBytes(StandardCharsets.UTF_8);
        int at = indexOf(bytes, e);
        bytes[at + 1] = (byte) 0xC0; // an overlong lead byte: "<", U+FFFD, U+FFFD, ">"
        Files.write(file, bytes);
        try (GgufFile gguf = GgufFile.open(file)) {
            TokenTexts texts = TokenTexts.of(GgufVocabulary.read(gguf.metadata()).tokens());
            assertFalse(texts.sharesArraysOf(packed(gguf.metadata(), "tokenizer.ggml.tokens")));
            String decoded = "<\uFFFD\uFFFD>";
            assertEquals(decoded, texts.text(3));
            assertTrue(texts.spells(3, decoded, 0, decoded.length()));
            assertEquals(decoded.hashCode(), texts.hash(3));
        }
    }

    private static int indexOf(byte[] in, byte[] part) {
        for (int i = 0; i + part.length <= in.length; i++) {
            if (Arrays.equals(in, i, i + part.length, part, 0, part.length)) return i;
        }
        throw new AssertionError("not found");
    }

    /** Well-formed is exactly: decoding as a String and encoding that again gives the same bytes. */
    @Test
    void wellFormedIsWhatDecodesAndEncodesBackUnchanged() {
        int[] tails = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xE0, 0xF0, 0xFF};
        for (int b0 = 0; b0 < 256; b0++) {
            check(b0);
            for (int b1 = 0; b1 < 256; b1++) {
                check(b0, b1);
                for (int b2 : tails) {
                    check(b0, b1, b2);
                    if (b0 >= 0xF0) {
                        for (int b3 : tails) check(b0, b1, b2, b3);
                    }
                }
            }
        }
    }

    private static void check(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) b[i] = (byte) values[i];
        assertEquals(roundTrips(b), TokenTexts.wellFormed(b, new int[] {0, b.length}), () -> Arrays.toString(values));
        if (b.length > 1) { // as two texts, where a sequence across the cut is cut short in both
            boolean parts = roundTrips(Arrays.copyOf(b, 1)) && roundTrips(Arrays.copyOfRange(b, 1, b.length));
            assertEquals(parts, TokenTexts.wellFormed(b, new int[] {0, 1, b.length}), () -> "cut " + Arrays.toString(values));
        }
    }

    private static boolean roundTrips(byte[] b) {
        return Arrays.equals(b, new String(b, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
    }
}
