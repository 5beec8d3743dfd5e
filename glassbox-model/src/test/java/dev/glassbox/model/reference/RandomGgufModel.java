package dev.glassbox.model.reference;

import dev.glassbox.io.gguf.GgufValue;
import dev.glassbox.io.gguf.GgufWriter;
import dev.glassbox.tensor.quant.GgmlType;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Function;

/**
 * Writes a random-weight llama or Gemma 2 model as GGUF, with llama.cpp's metadata keys and tensor names and
 * {@link TestVocabulary}'s tokenizer, the matrices in the types asked for and the norms in F32.
 *
 * <p>Scales keep every activation O(1), so that each sublayer moves the residual stream (and an error in
 * it shows in the logits), logits stay within about ±5 (Gemma 2) or ±12 (llama), and the top logit stands
 * out as in a trained model,
 * so that argmax agreement measures the arithmetic rather than near-ties:
 * <ul>
 *   <li>matrices N(0, 1/cols): a unit-variance input gives unit-variance outputs;
 *   <li>norm weights 1 + N(0, 0.1²) (Gemma's stored {@code 1 + w});
 *   <li>Gemma 2's tied embedding N(0, 1/d_model): its sqrt(d_model) input scale makes unit-variance token
 *       vectors, which carry through the residual stream, so the current token's own logit stands out;
 *       its final norm weights are 0.5 + N(0, 0.05²), halving every logit (the peak would be about 8);
 *   <li>llama's embedding N(0, 1) and its separate output matrix {@code (0.8 E + 0.6 N(0, 1)) / sqrt(d_model)}:
 *       unit-variance rows correlated with the embedding (trained models' are too), so the current token's
 *       direction gives a clear top logit; independent rows give flat logits whose top two are often
 *       closer than the rounding differences (see docs/llama-cpp-comparison.md).
 * </ul>
 * The same seed draws the same values whatever the type, so the files of one shape differ only in encoding.
 */
final class RandomGgufModel {
    private final ReferenceShape shape;
    private final Random random;
    private final GgufWriter writer = new GgufWriter();
    private final Function<String, GgmlType> types;

    private RandomGgufModel(ReferenceShape shape, Function<String, GgmlType> types, long seed) {
        this.shape = shape;
        this.types = types;
        this.random = new Random(seed);
    }

    /** Writes {@code shape} with every matrix in {@code type} to {@code path}. */
    static Path write(ReferenceShape shape, GgmlType type, long seed, Path path) {
        return write(shape, name -> type, seed, path);
    }

    /** Writes {@code shape} with each matrix in the type {@code types} gives its tensor name. */
    static Path write(ReferenceShape shape, Function<String, GgmlType> types, long seed, Path path) {
        new RandomGgufModel(shape, types, seed).metadata().tensors().writer.write(path);
        return path;
    }

    private RandomGgufModel metadata() {
        String a = shape.arch();
        writer.put("general.architecture", GgufValue.string(a))
                .put("general.name", GgufValue.string("glassbox-random-" + shape.name()))
                .put(a + ".context_length", GgufValue.uint32(4 * ReferenceShape.SEQUENCE))
                .put(a + ".embedding_length", GgufValue.uint32(shape.dModel()))
                .put(a + ".block_count", GgufValue.uint32(shape.nLayers()))
                .put(a + ".feed_forward_length", GgufValue.uint32(shape.dMlp()))
                .put(a + ".attention.head_count", GgufValue.uint32(shape.nHeads()))
                .put(a + ".attention.head_count_kv", GgufValue.uint32(shape.nKvHeads()))
                .put(a + ".attention.key_length", GgufValue.uint32(shape.dHead()))
                .put(a + ".attention.value_length", GgufValue.uint32(shape.dHead()))
                .put(a + ".attention.layer_norm_rms_epsilon", GgufValue.float32(shape.rmsEps()))
                .put(a + ".rope.freq_base", GgufValue.float32(shape.ropeTheta()))
                .put(a + ".rope.dimension_count", GgufValue.uint32(shape.dHead()));
        if (shape.gemma2()) {
            writer.put("gemma2.attention.sliding_window", GgufValue.uint32(shape.slidingWindow()))
                    .put("gemma2.attn_logit_softcapping", GgufValue.float32(shape.attnSoftcap()))
                    .put("gemma2.final_logit_softcapping", GgufValue.float32(shape.finalSoftcap()));
        }
        writer.putAll(TestVocabulary.metadata());
        return this;
    }

    private RandomGgufModel tensors() {
        int d = shape.dModel(), q = shape.nHeads() * shape.dHead(), kv = shape.nKvHeads() * shape.dHead();
        int vocab = TestVocabulary.SIZE;
        float[] embed = matrix("token_embd.weight", vocab, d, shape.gemma2() ? 1 / Math.sqrt(d) : 1);
        for (int l = 0; l < shape.nLayers(); l++) {
            String p = "blk." + l + ".";
            norm(p + "attn_norm.weight");
            matrix(p + "attn_q.weight", q, d);
            matrix(p + "attn_k.weight", kv, d);
            matrix(p + "attn_v.weight", kv, d);
            matrix(p + "attn_output.weight", d, q);
            if (shape.gemma2()) norm(p + "post_attention_norm.weight");
            norm(p + "ffn_norm.weight");
            matrix(p + "ffn_gate.weight", shape.dMlp(), d);
            matrix(p + "ffn_up.weight", shape.dMlp(), d);
            matrix(p + "ffn_down.weight", d, shape.dMlp());
            if (shape.gemma2()) norm(p + "post_ffw_norm.weight");
        }
        norm("output_norm.weight", shape.gemma2() ? 0.5 : 1);
        if (!shape.gemma2()) { // Gemma 2 ties it to token_embd
            float[] out = new float[embed.length];
            for (int i = 0; i < out.length; i++) out[i] = (float) ((0.8 * embed[i] + 0.6 * random.nextGaussian()) / Math.sqrt(d));
            add("output.weight", vocab, d, out);
        }
        return this;
    }

    private void matrix(String name, int rows, int cols) {
        matrix(name, rows, cols, 1 / Math.sqrt(cols));
    }

    private float[] matrix(String name, int rows, int cols, double std) {
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) v[i] = (float) (random.nextGaussian() * std);
        add(name, rows, cols, v);
        return v;
    }

    private void add(String name, int rows, int cols, float[] values) {
        writer.addTensor(name, types.apply(name), new long[] {rows, cols}, values);
    }

    private void norm(String name) {
        norm(name, 1);
    }

    private void norm(String name, double mean) {
        float[] v = new float[shape.dModel()];
        for (int i = 0; i < v.length; i++) v[i] = (float) (mean * (1 + 0.1 * random.nextGaussian()));
        writer.addTensor(name, GgmlType.F32, new long[] {v.length}, v);
    }
}
