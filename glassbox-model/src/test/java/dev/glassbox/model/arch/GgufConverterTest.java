package dev.glassbox.model.arch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.SharedFiles;
import dev.glassbox.io.gguf.GgufFile;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.llama2c.Llama2cTransformers;
import dev.glassbox.tensor.quant.GgmlType;
import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** llama2.c checkpoints and GGUF files convert to GGUF files that run as the original does. */
class GgufConverterTest {
    @TempDir
    Path dir;

    private static final int[] PROMPT = {1, 403, 407, 261, 378, 1, 9, 300};

    private static Optional<Path> stories() {
        return SharedFiles.root().map(r -> r.resolve("models/stories260K/stories260K.bin")).filter(Files::exists);
    }

    /** A llama2.c checkpoint written by hand: header of 7 int32, then float32 weights in llama2.c's order. */
    private Path llama2c(int dim, int hidden, int layers, int heads, int kvHeads, int vocab, int seqLen) throws IOException {
        int kv = dim / heads * kvHeads;
        long floats = (long) vocab * dim + layers * ((long) 2 * dim + (long) dim * dim * 2 + (long) kv * dim * 2
                + 3L * hidden * dim) + dim + seqLen * (dim / heads);
        ByteBuffer b = ByteBuffer.allocate(28 + (int) floats * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : new int[] {dim, hidden, layers, heads, kvHeads, vocab, seqLen}) b.putInt(v);
        Random random = new Random(3);
        while (b.hasRemaining()) b.putFloat((float) random.nextGaussian() * 0.2f);
        Path path = dir.resolve("tiny.bin");
        Files.write(path, b.array());
        return path;
    }

    private static void assertSameLogits(Transformer expected, Transformer actual, float tolerance) {
        float[][] e = expected.forward(PROMPT), a = actual.forward(PROMPT);
        for (int i = 0; i < e.length; i++) {
            for (int v = 0; v < e[i].length; v++) {
                assertEquals(e[i][v], a[i][v], tolerance * (1 + Math.abs(e[i][v])), "position " + i + " logit " + v);
            }
        }
    }

    private static void assertSameConfig(TransformerConfig expected, TransformerConfig actual) {
        // attnScale: llama2.c's 1/sqrt(head) in double, llama.cpp's in float; one ulp apart at most.
        assertEquals(expected.attnScale(), actual.attnScale(), Math.ulp(expected.attnScale()));
        assertEquals(expected, new TransformerConfig(actual.architecture(), actual.dModel(), actual.nLayers(),
                actual.nHeads(), actual.nKvHeads(), actual.dHead(), actual.dMlp(), actual.vocabSize(), actual.contextLength(),
                actual.norm(), actual.normEps(), actual.activation(), actual.gatedMlp(), actual.positions(), actual.ropeTheta(),
                actual.causal(), expected.attnScale(), actual.attnSoftcap(), actual.finalSoftcap(), actual.slidingWindow(),
                actual.slidingLayers(), actual.embedScale(), actual.postNorms()));
    }

    @Test
    void aLlama2cCheckpointInF32RunsExactlyAsTheOriginal() throws IOException {
        Path bin = llama2c(64, 96, 2, 4, 2, 512, 32);
        Path gguf = dir.resolve("tiny-f32.gguf");
        GgufConverter.Result result = GgufConverter.convert(bin, gguf, GgmlType.F32, null);
        assertEquals(2 * 9 + 2, result.tensors());
        Transformer original = Llama2cTransformers.load(bin);
        try (GgufModel model = GgufModel.load(gguf)) {
            assertSameConfig(original.config(), model.config());
            assertSameLogits(original, model.transformer(), 1e-5f);
        }
    }

    @Test
    void stories260KConvertsWithItsTokenizerAndKeepsItsOutput() throws IOException {
        Optional<Path> bin = stories();
        assumeTrue(bin.isPresent(), "shared/models/stories260K is not beside this checkout");
        Path tok = bin.get().resolveSibling("tok512.bin");
        Path f32 = dir.resolve("stories-f32.gguf");
        GgufConverter.convert(bin.get(), f32, GgmlType.F32, tok);
        Transformer original = Llama2cTransformers.load(bin.get());
        try (GgufModel model = GgufModel.load(f32)) {
            assertSameLogits(original, model.transformer(), 1e-5f);
            GgufFile file = model.file();
            List<String> tokens = file.metadata().require("tokenizer.ggml.tokens").asStrings();
            assertEquals(512, tokens.size());
            long[] types = file.metadata().require("tokenizer.ggml.token_type").asLongs();
            assertEquals(3, types[1]); // <s> is a control token
            assertEquals(6, types[tokens.indexOf("<0x0A>")]);
            assertEquals("llama", file.metadata().string("tokenizer.ggml.model"));
        }

        // Q8_0: ffn_down's rows (hidden_dim 172) are not whole blocks of 32 and fall back to F16.
        Path q8 = dir.resolve("stories-q8_0.gguf");
        GgufConverter.Result result = GgufConverter.convert(f32, q8, GgmlType.Q8_0, null);
        assertTrue(result.notes().stream().anyMatch(n -> n.startsWith("blk.0.ffn_down.weight: rows of 172")), result.notes().toString());
        try (GgufModel model = GgufModel.load(q8)) {
            assertEquals(GgmlType.Q8_0, model.file().tensor("blk.0.attn_q.weight").type());
            assertEquals(GgmlType.F16, model.file().tensor("blk.0.ffn_down.weight").type());
            assertEquals(GgmlType.F32, model.file().tensor("blk.0.attn_norm.weight").type());
            assertEquals(7, model.file().metadata().integer("general.file_type"));
            float[][] expected = original.forward(PROMPT), actual = model.transformer().forward(PROMPT);
            for (int i = 0; i < PROMPT.length; i++) {
                assertEquals(argmax(expected[i]), argmax(actual[i]), "greedy next token at position " + i);
            }
        }
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best;
    }

    @Test
    void ggufRequantizesAndKeepsItsMetadata() throws IOException {
        Path bin = llama2c(64, 128, 1, 4, 4, 256, 16);
        Path f32 = dir.resolve("a.gguf"), q4 = dir.resolve("b.gguf"), again = dir.resolve("c.gguf");
        GgufConverter.convert(bin, f32, GgmlType.F32, null);
        GgufConverter.Result result = GgufConverter.convert(f32, q4, GgmlType.Q4_0, null);
        assertTrue(result.notes().isEmpty(), result.notes().toString());
        GgufConverter.convert(q4, again, GgmlType.Q4_0, null);
        try (GgufFile a = GgufFile.open(q4); GgufFile b = GgufFile.open(again)) {
            assertEquals("tiny", a.metadata().string("general.name"));
            assertEquals(2, a.metadata().integer("general.file_type"));
            assertEquals(GgmlType.Q4_0, a.tensor("blk.0.ffn_down.weight").type());
            assertEquals(GgmlType.F32, a.tensor("output_norm.weight").type());
            for (var t : a.tensors()) { // same type: copied, not rounded twice
                assertArrayEquals(a.segment(t.name()).toArray(ValueLayout.JAVA_BYTE), b.segment(t.name()).toArray(ValueLayout.JAVA_BYTE),
                        t.name());
            }
        }
        try (GgufModel model = GgufModel.load(q4)) {
            assertEquals(256, model.config().vocabSize());
        }
    }

    @Test
    void refusesWhatItCannotDo() throws IOException {
        Path bin = llama2c(64, 128, 1, 4, 4, 256, 16);
        assertThrows(InvalidInputException.class, () -> GgufConverter.convert(bin, dir.resolve("x.gguf"), GgmlType.Q5_K, null));
        Path gguf = dir.resolve("y.gguf");
        GgufConverter.convert(bin, gguf, GgmlType.F16, null);
        assertThrows(InvalidInputException.class, () -> GgufConverter.convert(gguf, dir.resolve("z.gguf"), GgmlType.F16, bin));
    }
}
