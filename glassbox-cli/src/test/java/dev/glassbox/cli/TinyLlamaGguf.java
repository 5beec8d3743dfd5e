package dev.glassbox.cli;

import dev.glassbox.io.gguf.GgufValue;
import dev.glassbox.io.gguf.GgufValueType;
import dev.glassbox.io.gguf.GgufWriter;
import dev.glassbox.tensor.quant.GgmlType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A one-layer random llama (or Gemma 2) GGUF with a SentencePiece vocabulary in llama.cpp's form: 0 &lt;unk&gt;,
 * 1 &lt;s&gt; (BOS), 2 &lt;/s&gt; (EOS), 3 &lt;start_of_turn&gt; and 4 &lt;end_of_turn&gt; (control), the 256 byte
 * tokens, then "▁" and the letters a-z. Enough for commands that load a whole language model.
 */
final class TinyLlamaGguf {
    static final int D = 32, HEADS = 2, HEAD = 16, MLP = 64, VOCAB = 5 + 256 + 27;

    private TinyLlamaGguf() {}

    static Path write(Path path, String arch) {
        List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>", "<start_of_turn>", "<end_of_turn>"));
        int[] types = new int[VOCAB];
        float[] scores = new float[VOCAB];
        types[0] = 2;
        for (int i = 1; i < 5; i++) types[i] = 3;
        for (int b = 0; b < 256; b++) {
            types[tokens.size()] = 6;
            tokens.add(String.format("<0x%02X>", b));
        }
        tokens.add("▁");
        for (char c = 'a'; c <= 'z'; c++) tokens.add(String.valueOf(c));
        for (int i = 261; i < VOCAB; i++) {
            types[i] = 1;
            scores[i] = -i;
        }
        GgufWriter w = new GgufWriter()
                .put("general.architecture", GgufValue.string(arch))
                .put(arch + ".context_length", GgufValue.uint32(64))
                .put(arch + ".embedding_length", GgufValue.uint32(D))
                .put(arch + ".block_count", GgufValue.uint32(1))
                .put(arch + ".feed_forward_length", GgufValue.uint32(MLP))
                .put(arch + ".attention.head_count", GgufValue.uint32(HEADS))
                .put(arch + ".attention.layer_norm_rms_epsilon", GgufValue.float32(1e-5f))
                .put("tokenizer.ggml.model", GgufValue.string("llama"))
                .put("tokenizer.ggml.tokens", GgufValue.strings(tokens))
                .put("tokenizer.ggml.scores", GgufValue.array(GgufValueType.FLOAT32, scores))
                .put("tokenizer.ggml.token_type", GgufValue.array(GgufValueType.INT32, types))
                .put("tokenizer.ggml.bos_token_id", GgufValue.uint32(1))
                .put("tokenizer.ggml.eos_token_id", GgufValue.uint32(2));
        if (arch.equals("gemma2")) w.put("gemma2.attention.sliding_window", GgufValue.uint32(4));
        Random random = new Random(3);
        matrix(w, random, "token_embd.weight", VOCAB, D);
        vector(w, random, "blk.0.attn_norm.weight");
        matrix(w, random, "blk.0.attn_q.weight", HEADS * HEAD, D);
        matrix(w, random, "blk.0.attn_k.weight", HEADS * HEAD, D);
        matrix(w, random, "blk.0.attn_v.weight", HEADS * HEAD, D);
        matrix(w, random, "blk.0.attn_output.weight", D, HEADS * HEAD);
        vector(w, random, "blk.0.ffn_norm.weight");
        matrix(w, random, "blk.0.ffn_gate.weight", MLP, D);
        matrix(w, random, "blk.0.ffn_up.weight", MLP, D);
        matrix(w, random, "blk.0.ffn_down.weight", D, MLP);
        if (arch.equals("gemma2")) {
            vector(w, random, "blk.0.post_attention_norm.weight");
            vector(w, random, "blk.0.post_ffw_norm.weight");
        }
        vector(w, random, "output_norm.weight");
        w.write(path);
        return path;
    }

    private static void matrix(GgufWriter w, Random random, String name, int rows, int cols) {
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) v[i] = (float) (random.nextGaussian() / Math.sqrt(cols));
        w.addTensor(name, GgmlType.F32, new long[] {rows, cols}, v);
    }

    private static void vector(GgufWriter w, Random random, String name) {
        float[] v = new float[D];
        for (int i = 0; i < D; i++) v[i] = (float) (1 + 0.1 * random.nextGaussian());
        w.addTensor(name, GgmlType.F32, new long[] {D}, v);
    }
}
