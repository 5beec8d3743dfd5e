package dev.glassbox.model.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.glassbox.core.SharedFiles;
import dev.glassbox.model.arch.GgufConverter;
import dev.glassbox.tensor.quant.GgmlType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A GGUF file, model and tokenizer in one, generates through the same loader as a llama2.c checkpoint. */
class GgufGenerationTest {
    @TempDir Path dir;

    @Test
    void stories260KConvertedToGgufGeneratesTheSameGreedyText() {
        Path bin = SharedFiles.require("models/stories260K/stories260K.bin");
        Path tok = SharedFiles.require("models/stories260K/tok512.bin");
        Path gguf = dir.resolve("stories260K.gguf");
        GgufConverter.convert(bin, gguf, GgmlType.F32, tok);

        LanguageModel fromGguf = LanguageModelFiles.load(gguf, null);
        GenerationResult expected = new Generator(Stories260K.MODEL_AND_TOKENIZER).generate("", 64, Sampling.greedy(), TokenListener.NONE);
        GenerationResult actual = new Generator(fromGguf).generate("", 64, Sampling.greedy(), TokenListener.NONE);
        assertEquals(expected.text(), actual.text());

        // The pieces are written in SentencePiece's spelling, so prompts tokenize as with tok512.bin.
        String prompt = "Once upon a time, Lily saw a big red ball.";
        assertArrayEquals(Stories260K.MODEL_AND_TOKENIZER.tokenizer().encode(prompt), fromGguf.tokenizer().encode(prompt));
    }
}
