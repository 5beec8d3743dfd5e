package dev.glassbox.model.arch;

import dev.glassbox.io.gguf.GgufValue;
import dev.glassbox.io.gguf.GgufWriter;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerConfig.Activation;
import dev.glassbox.model.TransformerConfig.Norm;
import dev.glassbox.model.TransformerConfig.Positions;
import dev.glassbox.model.TransformerConfig.SlidingLayers;
import dev.glassbox.model.TransformerWeights;
import dev.glassbox.model.TransformerWeights.Attention;
import dev.glassbox.model.TransformerWeights.LayerWeights;
import dev.glassbox.model.TransformerWeights.Mlp;
import dev.glassbox.tensor.FloatMatrix;
import dev.glassbox.tensor.quant.GgmlType;
import dev.glassbox.tensor.quant.Quantization;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Small random llama and Gemma 2 models written as GGUF files in a mix of every tensor type, and the same
 * models built directly as {@link Transformer}s from the same values (rounded through each type's codec),
 * with configurations written out by hand here: the reference the GGUF loader must reproduce.
 */
final class TinyGguf {
    static final int D = 256, HEADS = 4, KV_HEADS = 2, HEAD = 64, MLP = 256, VOCAB = 48, LAYERS = 2, CONTEXT = 64;

    /** One type per role, so that every kernel runs in one forward pass. */
    static final Map<String, GgmlType> TYPES = Map.of(
            "token_embd", GgmlType.Q8_0, "attn_q", GgmlType.Q4_K, "attn_k", GgmlType.Q6_K, "attn_v", GgmlType.Q8_0,
            "attn_output", GgmlType.Q4_0, "ffn_gate", GgmlType.BF16, "ffn_up", GgmlType.F16, "ffn_down", GgmlType.F32,
            "output", GgmlType.Q6_K);

    final boolean gemma2;
    final boolean tied;
    final Map<String, float[]> values = new LinkedHashMap<>(); // as the file holds them (after rounding)
    final Map<String, long[]> shapes = new LinkedHashMap<>();
    private final Random random = new Random(11);

    TinyGguf(boolean gemma2, boolean tied) {
        this.gemma2 = gemma2;
        this.tied = tied;
        matrix("token_embd.weight", VOCAB, D);
        for (int l = 0; l < LAYERS; l++) {
            String p = "blk." + l + ".";
            norm(p + "attn_norm.weight");
            matrix(p + "attn_q.weight", HEADS * HEAD, D);
            matrix(p + "attn_k.weight", KV_HEADS * HEAD, D);
            matrix(p + "attn_v.weight", KV_HEADS * HEAD, D);
            matrix(p + "attn_output.weight", D, HEADS * HEAD);
            if (gemma2) norm(p + "post_attention_norm.weight");
            norm(p + "ffn_norm.weight");
            matrix(p + "ffn_gate.weight", MLP, D);
            matrix(p + "ffn_up.weight", MLP, D);
            matrix(p + "ffn_down.weight", D, MLP);
            if (gemma2) norm(p + "post_ffw_norm.weight");
        }
        norm("output_norm.weight");
        if (!tied) matrix("output.weight", VOCAB, D);
    }

    static GgmlType typeOf(String name) {
        String role = name.replaceFirst("^blk\\.\\d+\\.", "").replace(".weight", "");
        return TYPES.getOrDefault(role, GgmlType.F32);
    }

    private void matrix(String name, int rows, int cols) {
        float[] v = new float[rows * cols];
        float scale = (float) (1 / Math.sqrt(cols));
        for (int i = 0; i < v.length; i++) v[i] = (float) random.nextGaussian() * scale;
        GgmlType type = typeOf(name);
        values.put(name, Quantization.dequantize(type, Quantization.quantize(type, v), v.length));
        shapes.put(name, new long[] {rows, cols});
    }

    private void norm(String name) {
        float[] v = new float[D];
        for (int i = 0; i < D; i++) v[i] = 1f + 0.1f * (float) random.nextGaussian();
        values.put(name, v);
        shapes.put(name, new long[] {D});
    }

    /** The metadata llama.cpp's converter writes for such a model. */
    GgufWriter writer() {
        String a = gemma2 ? "gemma2" : "llama";
        GgufWriter w = new GgufWriter()
                .put("general.architecture", GgufValue.string(a))
                .put(a + ".context_length", GgufValue.uint32(CONTEXT))
                .put(a + ".embedding_length", GgufValue.uint32(D))
                .put(a + ".block_count", GgufValue.uint32(LAYERS))
                .put(a + ".feed_forward_length", GgufValue.uint32(MLP))
                .put(a + ".attention.head_count", GgufValue.uint32(HEADS))
                .put(a + ".attention.head_count_kv", GgufValue.uint32(KV_HEADS))
                .put(a + ".attention.key_length", GgufValue.uint32(HEAD))
                .put(a + ".attention.value_length", GgufValue.uint32(HEAD))
                .put(a + ".attention.layer_norm_rms_epsilon", GgufValue.float32(1e-6f))
                .put(a + ".rope.freq_base", GgufValue.float32(10000f));
        if (gemma2) {
            w.put("gemma2.attention.sliding_window", GgufValue.uint32(3))
                    .put("gemma2.attn_logit_softcapping", GgufValue.float32(50f))
                    .put("gemma2.final_logit_softcapping", GgufValue.float32(30f));
        }
        for (Map.Entry<String, float[]> e : values.entrySet()) {
            w.addTensor(e.getKey(), typeOf(e.getKey()), shapes.get(e.getKey()), e.getValue());
        }
        return w;
    }

    Path write(Path path) {
        writer().write(path);
        return path;
    }

    /** The configuration, spelled out field by field. */
    TransformerConfig expectedConfig() {
        if (gemma2) {
            return new TransformerConfig("gemma2", D, LAYERS, HEADS, KV_HEADS, HEAD, MLP, VOCAB, CONTEXT, Norm.RMS_NORM, 1e-6f,
                    Activation.GELU_TANH, true, Positions.ROPE_HALF, 10000f, true, 1f / 8f, 50f, 30f, 3, SlidingLayers.EVEN,
                    16f, true);
        }
        return new TransformerConfig("llama", D, LAYERS, HEADS, KV_HEADS, HEAD, MLP, VOCAB, CONTEXT, Norm.RMS_NORM, 1e-6f,
                Activation.SILU, true, Positions.ROPE_INTERLEAVED, 10000f, true, 1f / 8f, 0f, 0f, 0, SlidingLayers.NONE, 1f,
                false);
    }

    /** The model built straight from the values, by role. */
    Transformer reference() {
        FloatMatrix embed = m("token_embd.weight");
        java.util.List<LayerWeights> layers = new java.util.ArrayList<>();
        for (int l = 0; l < LAYERS; l++) {
            String p = "blk." + l + ".";
            Attention attn = new Attention(m(p + "attn_q.weight"), null, m(p + "attn_k.weight"), null,
                    m(p + "attn_v.weight"), null, m(p + "attn_output.weight"), null);
            Mlp mlp = new Mlp(m(p + "ffn_up.weight"), null, m(p + "ffn_gate.weight"), m(p + "ffn_down.weight"), null);
            layers.add(new LayerWeights(values.get(p + "attn_norm.weight"), attn,
                    gemma2 ? values.get(p + "post_attention_norm.weight") : null, values.get(p + "ffn_norm.weight"), mlp,
                    gemma2 ? values.get(p + "post_ffw_norm.weight") : null));
        }
        FloatMatrix unembed = tied ? embed : m("output.weight");
        return new Transformer(expectedConfig(),
                new TransformerWeights(embed, null, layers, values.get("output_norm.weight"), unembed));
    }

    private FloatMatrix m(String name) {
        long[] s = shapes.get(name);
        return new FloatMatrix((int) s[0], (int) s[1], values.get(name));
    }
}
