package dev.glassbox.model.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.MalformedFileException;
import dev.glassbox.io.gguf.GgufValue;
import dev.glassbox.io.gguf.GgufWriter;
import dev.glassbox.io.safetensors.FloatTensor;
import dev.glassbox.io.safetensors.SafetensorsWriter;
import dev.glassbox.model.TransformerConfig.Positions;
import dev.glassbox.tensor.quant.GgmlType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Hugging Face checkpoint and the GGUF file llama.cpp's converter would make of it run the same model:
 * for llama the converter permutes q and k so that rotate-half RoPE becomes adjacent-pairs RoPE; for
 * Gemma 2 it adds 1 to the norms. Both conventions are checked by running both files.
 */
class HuggingFaceModelTest {
    @TempDir
    Path dir;

    private static final int D = 64, HEADS = 4, KV = 2, HEAD = 16, MLP = 96, VOCAB = 40, LAYERS = 2;
    private static final int[] TOKENS = {3, 17, 17, 0, 39, 8};

    private final Random random = new Random(5);
    private final Map<String, FloatTensor> hf = new LinkedHashMap<>();

    private float[] values(int n, float scale, float offset) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = offset + (float) random.nextGaussian() * scale;
        return v;
    }

    private void hfMatrix(String name, int rows, int cols) {
        hf.put(name, new FloatTensor(new int[] {rows, cols}, values(rows * cols, (float) (1 / Math.sqrt(cols)), 0)));
    }

    private void hfNorm(String name, boolean gemma) {
        hf.put(name, new FloatTensor(new int[] {D}, values(D, 0.1f, gemma ? 0f : 1f)));
    }

    private Path checkpoint(boolean gemma2, String extraConfig) throws IOException {
        hfMatrix("model.embed_tokens.weight", VOCAB, D);
        for (int l = 0; l < LAYERS; l++) {
            String p = "model.layers." + l + ".";
            hfNorm(p + "input_layernorm.weight", gemma2);
            hfMatrix(p + "self_attn.q_proj.weight", HEADS * HEAD, D);
            hfMatrix(p + "self_attn.k_proj.weight", KV * HEAD, D);
            hfMatrix(p + "self_attn.v_proj.weight", KV * HEAD, D);
            hfMatrix(p + "self_attn.o_proj.weight", D, HEADS * HEAD);
            hfNorm(p + "post_attention_layernorm.weight", gemma2);
            if (gemma2) {
                hfNorm(p + "pre_feedforward_layernorm.weight", true);
                hfNorm(p + "post_feedforward_layernorm.weight", true);
            }
            hfMatrix(p + "mlp.gate_proj.weight", MLP, D);
            hfMatrix(p + "mlp.up_proj.weight", MLP, D);
            hfMatrix(p + "mlp.down_proj.weight", D, MLP);
        }
        hfNorm("model.norm.weight", gemma2);
        if (!gemma2) hfMatrix("lm_head.weight", VOCAB, D);
        Path model = Files.createDirectories(dir.resolve(gemma2 ? "gemma2" : "llama"));
        SafetensorsWriter.write(model.resolve("model.safetensors"), hf, Map.of("format", "pt"));
        String config = "{\"model_type\": \"" + (gemma2 ? "gemma2" : "llama") + "\", \"hidden_size\": " + D
                + ", \"num_hidden_layers\": " + LAYERS + ", \"num_attention_heads\": " + HEADS + ", \"num_key_value_heads\": " + KV
                + ", \"head_dim\": " + HEAD + ", \"intermediate_size\": " + MLP + ", \"vocab_size\": " + VOCAB
                + ", \"max_position_embeddings\": 32, \"rms_norm_eps\": 1e-6, \"rope_theta\": 10000.0"
                + (gemma2 ? ", \"sliding_window\": 4, \"query_pre_attn_scalar\": 16, \"attn_logit_softcapping\": 50.0,"
                        + " \"final_logit_softcapping\": 30.0, \"tie_word_embeddings\": true" : ", \"tie_word_embeddings\": false")
                + extraConfig + "}";
        Files.writeString(model.resolve("config.json"), config);
        return model;
    }

    /** llama.cpp's LlamaModel.permute: within each head, interleave the two halves of the rows. */
    private static float[] permute(float[] w, int heads, int cols) {
        int headRows = w.length / cols / heads, half = headRows / 2;
        float[] out = new float[w.length];
        for (int h = 0; h < heads; h++) {
            for (int i = 0; i < half; i++) {
                for (int j = 0; j < 2; j++) {
                    System.arraycopy(w, (h * headRows + j * half + i) * cols, out, (h * headRows + 2 * i + j) * cols, cols);
                }
            }
        }
        return out;
    }

    /** The GGUF file llama.cpp's convert_hf_to_gguf.py makes of the checkpoint (F32 throughout). */
    private Path gguf(boolean gemma2) {
        String a = gemma2 ? "gemma2" : "llama";
        GgufWriter w = new GgufWriter().put("general.architecture", GgufValue.string(a))
                .put(a + ".context_length", GgufValue.uint32(32)).put(a + ".embedding_length", GgufValue.uint32(D))
                .put(a + ".block_count", GgufValue.uint32(LAYERS)).put(a + ".feed_forward_length", GgufValue.uint32(MLP))
                .put(a + ".attention.head_count", GgufValue.uint32(HEADS)).put(a + ".attention.head_count_kv", GgufValue.uint32(KV))
                .put(a + ".attention.key_length", GgufValue.uint32(HEAD)).put(a + ".attention.value_length", GgufValue.uint32(HEAD))
                .put(a + ".attention.layer_norm_rms_epsilon", GgufValue.float32(1e-6f));
        if (gemma2) w.put("gemma2.attention.sliding_window", GgufValue.uint32(4));
        Map<String, String> names = new LinkedHashMap<>();
        names.put("model.embed_tokens.weight", "token_embd.weight");
        names.put("model.norm.weight", "output_norm.weight");
        names.put("lm_head.weight", "output.weight");
        for (int l = 0; l < LAYERS; l++) {
            String p = "model.layers." + l + ".", b = "blk." + l + ".";
            names.put(p + "input_layernorm.weight", b + "attn_norm.weight");
            names.put(p + "self_attn.q_proj.weight", b + "attn_q.weight");
            names.put(p + "self_attn.k_proj.weight", b + "attn_k.weight");
            names.put(p + "self_attn.v_proj.weight", b + "attn_v.weight");
            names.put(p + "self_attn.o_proj.weight", b + "attn_output.weight");
            names.put(p + "post_attention_layernorm.weight", b + (gemma2 ? "post_attention_norm.weight" : "ffn_norm.weight"));
            names.put(p + "pre_feedforward_layernorm.weight", b + "ffn_norm.weight");
            names.put(p + "post_feedforward_layernorm.weight", b + "post_ffw_norm.weight");
            names.put(p + "mlp.gate_proj.weight", b + "ffn_gate.weight");
            names.put(p + "mlp.up_proj.weight", b + "ffn_up.weight");
            names.put(p + "mlp.down_proj.weight", b + "ffn_down.weight");
        }
        for (Map.Entry<String, FloatTensor> e : hf.entrySet()) {
            String name = e.getKey();
            float[] v = e.getValue().data().clone();
            int[] s = e.getValue().shape();
            if (!gemma2 && name.endsWith("q_proj.weight")) v = permute(v, HEADS, D);
            if (!gemma2 && name.endsWith("k_proj.weight")) v = permute(v, KV, D);
            if (gemma2 && name.endsWith("norm.weight")) for (int i = 0; i < v.length; i++) v[i] += 1f;
            long[] shape = s.length == 1 ? new long[] {s[0]} : new long[] {s[0], s[1]};
            w.addTensor(names.get(name), GgmlType.F32, shape, v);
        }
        Path path = dir.resolve(a + ".gguf");
        w.write(path);
        return path;
    }

    private void assertSameModel(boolean gemma2) throws IOException {
        Path checkpoint = checkpoint(gemma2, "");
        try (HuggingFaceModel fromHf = HuggingFaceModel.load(checkpoint); GgufModel fromGguf = GgufModel.load(gguf(gemma2))) {
            assertEquals(Positions.ROPE_HALF, fromHf.config().positions());
            float[][] a = fromHf.transformer().forward(TOKENS), b = fromGguf.transformer().forward(TOKENS);
            for (int i = 0; i < TOKENS.length; i++) {
                for (int v = 0; v < VOCAB; v++) assertEquals(a[i][v], b[i][v], 1e-4f * (1 + Math.abs(a[i][v])), "position " + i + " logit " + v);
            }
        }
    }

    @Test
    void llamaCheckpointRunsAsItsPermutedGguf() throws IOException {
        assertSameModel(false);
    }

    @Test
    void gemma2CheckpointRunsAsItsGgufWithOnePlusNorms() throws IOException {
        assertSameModel(true);
        TransformerConfigAssertions.gemma2(HuggingFaceModel.config(dir.resolve("gemma2/config.json")));
    }

    @Test
    void unsupportedCheckpointsAreNamed() throws IOException {
        Path scaled = checkpoint(false, ", \"rope_scaling\": {\"type\": \"linear\", \"factor\": 2.0}");
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> HuggingFaceModel.load(scaled));
        assertTrue(e.getMessage().contains("rope_scaling"), e.getMessage());

        Files.writeString(scaled.resolve("config.json"), Files.readString(scaled.resolve("config.json"))
                .replace("\"llama\"", "\"mistral\"").replace(", \"rope_scaling\": {\"type\": \"linear\", \"factor\": 2.0}", ""));
        e = assertThrows(MalformedFileException.class, () -> HuggingFaceModel.load(scaled));
        assertTrue(e.getMessage().contains("model_type is 'mistral'"), e.getMessage());

        Files.writeString(scaled.resolve("config.json"), Files.readString(scaled.resolve("config.json")).replace("\"mistral\"", "\"llama\""));
        hf.remove("model.layers.1.mlp.up_proj.weight");
        SafetensorsWriter.write(scaled.resolve("model.safetensors"), hf, Map.of());
        e = assertThrows(MalformedFileException.class, () -> HuggingFaceModel.load(scaled));
        assertTrue(e.getMessage().contains("tensor 'model.layers.1.mlp.up_proj.weight' is in none of the .safetensors files"),
                e.getMessage());
    }

    /** Field checks shared with the GGUF tests. */
    static final class TransformerConfigAssertions {
        static void gemma2(dev.glassbox.model.TransformerConfig c) {
            assertEquals(0.25f, c.attnScale()); // query_pre_attn_scalar 16
            assertEquals(4, c.slidingWindow());
            assertEquals(8f, c.embedScale());   // sqrt(64)
            assertTrue(c.postNorms());
        }
    }
}
