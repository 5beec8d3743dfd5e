package dev.glassbox.model.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.MalformedFileException;
import dev.glassbox.io.gguf.GgufFile;
import dev.glassbox.io.gguf.GgufMetadata;
import dev.glassbox.io.gguf.GgufValue;
import dev.glassbox.io.gguf.GgufWriter;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerConfig.Positions;
import dev.glassbox.model.TransformerConfig.SlidingLayers;
import dev.glassbox.tensor.quant.GgmlType;
import dev.glassbox.tensor.quant.QuantizedMatrix;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GGUF llama and Gemma 2 files load into exactly the model their metadata and tensors describe. */
class GgufModelTest {
    @TempDir
    Path dir;

    @TempDir
    static Path shared;
    private static final Map<String, TinyGguf> MODELS = new java.util.concurrent.ConcurrentHashMap<>();

    /** One file per variant for the tests that only read it. */
    private static Path file(boolean gemma2, boolean tied) {
        String name = (gemma2 ? "gemma2" : "llama") + (tied ? "-tied" : "") + ".gguf";
        TinyGguf tiny = model(gemma2, tied);
        Path path = shared.resolve(name);
        if (!java.nio.file.Files.exists(path)) tiny.write(path);
        return path;
    }

    private static TinyGguf model(boolean gemma2, boolean tied) {
        return MODELS.computeIfAbsent(gemma2 + "/" + tied, k -> new TinyGguf(gemma2, tied));
    }

    private static final int[] TOKENS = {1, 7, 30, 2, 47, 5, 5, 12};

    @ParameterizedTest
    @CsvSource({"false, true", "false, false", "true, true"})
    void loadsTheModelTheFileDescribes(boolean gemma2, boolean tied) {
        TinyGguf tiny = model(gemma2, tied);
        try (GgufModel model = GgufModel.load(file(gemma2, tied))) {
            assertEquals(tiny.expectedConfig(), model.config());
            assertEquals(tied, model.weights().unembed() == model.weights().embed());
            assertEquals(GgmlType.Q4_K, ((QuantizedMatrix) model.weights().layers().get(0).attn().wq()).type());
            float[][] actual = model.transformer().forward(TOKENS);
            float[][] expected = tiny.reference().forward(TOKENS);
            for (int i = 0; i < TOKENS.length; i++) {
                for (int v = 0; v < TinyGguf.VOCAB; v++) {
                    assertEquals(expected[i][v], actual[i][v], 2e-4f * (1 + Math.abs(expected[i][v])),
                            "position " + i + " logit " + v);
                }
            }
        }
    }

    @Test
    void ropeStylesFollowLlamaCpp() {
        assertEquals(Positions.ROPE_INTERLEAVED, model(false, true).expectedConfig().positions());
        try (GgufModel llama = GgufModel.load(file(false, true)); GgufModel gemma = GgufModel.load(file(true, true))) {
            assertEquals(Positions.ROPE_INTERLEAVED, llama.config().positions());
            assertEquals(Positions.ROPE_HALF, gemma.config().positions());
            assertEquals(SlidingLayers.EVEN, gemma.config().slidingLayers());
            assertEquals(16f, gemma.config().embedScale()); // sqrt(256)
        }
    }

    private GgufMetadata gemmaMetadata(int layers, int dModel, int heads, int keyLength) {
        Map<String, GgufValue> m = new LinkedHashMap<>();
        m.put("general.architecture", GgufValue.string("gemma2"));
        m.put("gemma2.context_length", GgufValue.uint32(8192));
        m.put("gemma2.embedding_length", GgufValue.uint32(dModel));
        m.put("gemma2.block_count", GgufValue.uint32(layers));
        m.put("gemma2.feed_forward_length", GgufValue.uint32(4 * dModel));
        m.put("gemma2.attention.head_count", GgufValue.uint32(heads));
        m.put("gemma2.attention.head_count_kv", GgufValue.uint32(heads / 2));
        m.put("gemma2.attention.key_length", GgufValue.uint32(keyLength));
        m.put("gemma2.attention.value_length", GgufValue.uint32(keyLength));
        m.put("gemma2.attention.layer_norm_rms_epsilon", GgufValue.float32(1e-6f));
        return new GgufMetadata(dir.resolve("meta.gguf"), m);
    }

    @Test
    void gemma2QueryScaleFollowsLlamaCppsRule() {
        // 27B: 46 layers, 4608 / 32 = 144 while heads are 128 wide: llama.cpp (and HF's query_pre_attn_scalar) use 144.
        TransformerConfig g27 = GgufArchitecture.config(gemmaMetadata(46, 4608, 32, 128), 256000);
        assertEquals(1f / 12f, g27.attnScale());
        assertEquals(Gemma2Hyperparameters.gemma2_27b().config().attnScale(), g27.attnScale());
        // 2B: 2304 / 8 = 288, but the scale is 1/sqrt(head_dim = 256).
        TransformerConfig g2 = GgufArchitecture.config(gemmaMetadata(26, 2304, 8, 256), 256000);
        assertEquals(1f / 16f, g2.attnScale());
        assertEquals(4096, g2.slidingWindow());
        assertEquals(50f, g2.attnSoftcap());
        assertEquals(30f, g2.finalSoftcap());
        assertEquals(Gemma2Hyperparameters.gemma2_2b().config(), g2);
    }

    @Test
    void predefinedGemma2ConfigsCarryThePublishedNumbers() {
        TransformerConfig g2 = Gemma2Hyperparameters.gemma2_2b().config();
        TransformerConfig g9 = Gemma2Hyperparameters.gemma2_9b().config();
        TransformerConfig g27 = Gemma2Hyperparameters.gemma2_27b().config();
        assertEquals(2304, g2.dModel());
        assertEquals(26, g2.nLayers());
        assertEquals(2, g2.groupSize());
        assertEquals(9216, g2.dMlp());
        assertEquals(3584, g9.dModel());
        assertEquals(42, g9.nLayers());
        assertEquals(14336, g9.dMlp());
        assertEquals(1f / 16f, g9.attnScale());
        assertEquals(128, g27.dHead());
        assertEquals(36864, g27.dMlp());
        for (TransformerConfig c : new TransformerConfig[] {g2, g9, g27}) {
            assertEquals(256000, c.vocabSize());
            assertEquals(4096, c.slidingWindow());
            assertTrue(c.isSliding(0) && !c.isSliding(1), "even layers are local");
            assertEquals((float) Math.sqrt(c.dModel()), c.embedScale());
            assertTrue(c.postNorms());
            assertEquals(TransformerConfig.Activation.GELU_TANH, c.activation());
        }
    }

    private void assertRejected(Path path, String... phrases) {
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> GgufModel.load(path).close());
        assertTrue(e.getMessage().startsWith(path.toString()), "names the file: " + e.getMessage());
        for (String p : phrases) assertTrue(e.getMessage().contains(p), e.getMessage() + "\n  lacks: " + p);
    }

    @Test
    void missingTensorsAndKeysAreNamed() {
        TinyGguf tiny = new TinyGguf(false, true);
        tiny.values.remove("blk.1.ffn_up.weight");
        assertRejected(tiny.write(dir.resolve("a.gguf")), "tensor 'blk.1.ffn_up.weight' is missing");

        TinyGguf gemma = new TinyGguf(true, true);
        gemma.values.remove("blk.0.post_ffw_norm.weight");
        assertRejected(gemma.write(dir.resolve("b.gguf")), "'blk.0.post_ffw_norm.weight' is missing");

        Path noKey = dir.resolve("c.gguf");
        GgufWriter w = model(false, true).writer();
        w.put("llama.block_count", GgufValue.string("two"));
        w.write(noKey);
        assertRejected(noKey, "'llama.block_count' should be an integer but is STRING");
    }

    @Test
    void wrongShapesAndArchitecturesAreNamed() {
        TinyGguf tiny = new TinyGguf(false, true);
        tiny.shapes.put("blk.0.attn_k.weight", new long[] {TinyGguf.HEADS * TinyGguf.HEAD, TinyGguf.D});
        tiny.values.put("blk.0.attn_k.weight", new float[TinyGguf.HEADS * TinyGguf.HEAD * TinyGguf.D]);
        assertRejected(tiny.write(dir.resolve("a.gguf")), "tensor 'blk.0.attn_k.weight' has shape [256, 256]",
                "implies [128, 256]");

        Path qwen = dir.resolve("b.gguf");
        model(false, true).writer().put("general.architecture", GgufValue.string("qwen2")).write(qwen);
        assertRejected(qwen, "'general.architecture' is 'qwen2'", "llama and gemma2");

        Path rope = dir.resolve("c.gguf");
        model(false, true).writer().addTensor("rope_freqs.weight", GgmlType.F32, new long[] {32}, new float[32]).write(rope);
        assertRejected(rope, "rope_freqs.weight");

        Path heads = dir.resolve("d.gguf");
        model(false, true).writer().put("llama.attention.head_count_kv", GgufValue.uint32(3)).write(heads);
        assertRejected(heads, "not a multiple of 'llama.attention.head_count_kv' (3)");
    }

    @Test
    void theFileStaysReadableThroughTheModel() {
        try (GgufModel model = GgufModel.load(file(false, false))) {
            GgufFile file = model.file();
            assertEquals("llama", file.metadata().string("general.architecture"));
            assertSame(model.transformer().weights(), model.weights());
        }
    }
}
