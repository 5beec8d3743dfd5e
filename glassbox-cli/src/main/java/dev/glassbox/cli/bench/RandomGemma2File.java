package dev.glassbox.cli.bench;

import dev.glassbox.io.gguf.GgufValue;
import dev.glassbox.io.gguf.GgufValueType;
import dev.glassbox.io.gguf.GgufWriter;
import dev.glassbox.model.arch.Gemma2Hyperparameters;
import dev.glassbox.tensor.quant.GgmlType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a GGUF file shaped like a Gemma 2 model, with random weights, for speed benchmarks: what llama.cpp
 * and Glassbox both load as {@code gemma2}. Matrices are Q8_0 or Q4_0 blocks of random codes with one scale
 * per block chosen so that weights have a standard deviation of about 0.02 (Q8_0 codes are uniform on
 * [-127, 127], sd 73.3, so d = 0.02 / 73.3; Q4_0 codes q - 8 are uniform on [-8, 7], sd 4.61); norms are
 * F32 ones (stored as 1 + w with w = 0, as Gemma's converter stores them).
 *
 * <p>Tensors are generated row by row straight into the output mapping ({@link GgufWriter.TensorData}), so
 * a 2.8 GB file never occupies the heap. The vocabulary is a SentencePiece one of the right size, enough for
 * llama.cpp to load the file: Gemma's special ids (0 pad, 1 eos, 2 bos, 3 unk), the 256 byte tokens
 * {@code <0x00>}..{@code <0xFF>}, then {@code ▁t4}, {@code ▁t5}, ... as normal tokens.
 */
public final class RandomGemma2File {
    /** The first id that is neither special nor a byte: prompts are drawn from here on. */
    public static final int FIRST_ORDINARY_TOKEN = 4 + 256;
    public static final int BOS = 2;
    public static final int EOS = 1;

    private static final float WEIGHT_SD = 0.02f;
    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private RandomGemma2File() {}

    /** Writes {@code path} (replacing it); the same seed gives the same bytes. */
    public static void write(Path path, Gemma2Hyperparameters h, GgmlType type, long seed) {
        if (type != GgmlType.Q8_0 && type != GgmlType.Q4_0) {
            throw new IllegalArgumentException("random benchmark models are Q8_0 or Q4_0, not " + type);
        }
        GgufWriter w = new GgufWriter();
        metadata(w, h, type);
        int d = h.dModel(), q = h.nHeads() * h.dHead(), kv = h.nKvHeads() * h.dHead(), ff = h.dMlp();
        SplittableRandom seeds = new SplittableRandom(seed);
        matrix(w, "token_embd.weight", type, h.vocabSize(), d, seeds.nextLong());
        for (int l = 0; l < h.nLayers(); l++) {
            String p = "blk." + l + ".";
            ones(w, p + "attn_norm.weight", d);
            matrix(w, p + "attn_q.weight", type, q, d, seeds.nextLong());
            matrix(w, p + "attn_k.weight", type, kv, d, seeds.nextLong());
            matrix(w, p + "attn_v.weight", type, kv, d, seeds.nextLong());
            matrix(w, p + "attn_output.weight", type, d, q, seeds.nextLong());
            ones(w, p + "post_attention_norm.weight", d);
            ones(w, p + "ffn_norm.weight", d);
            matrix(w, p + "ffn_gate.weight", type, ff, d, seeds.nextLong());
            matrix(w, p + "ffn_up.weight", type, ff, d, seeds.nextLong());
            matrix(w, p + "ffn_down.weight", type, d, ff, seeds.nextLong());
            ones(w, p + "post_ffw_norm.weight", d);
        }
        ones(w, "output_norm.weight", d);
        w.write(path);
    }

    private static void metadata(GgufWriter w, Gemma2Hyperparameters h, GgmlType type) {
        String a = "gemma2.";
        w.put("general.architecture", GgufValue.string("gemma2"))
                .put("general.name", GgufValue.string("random-gemma2-" + h.nLayers() + "x" + h.dModel()))
                .put("general.file_type", GgufValue.uint32(type == GgmlType.Q8_0 ? 7 : 2)) // llama_ftype MOSTLY_Q8_0 / Q4_0
                .put("general.quantization_version", GgufValue.uint32(2))
                .put(a + "context_length", GgufValue.uint32(h.contextLength()))
                .put(a + "embedding_length", GgufValue.uint32(h.dModel()))
                .put(a + "block_count", GgufValue.uint32(h.nLayers()))
                .put(a + "feed_forward_length", GgufValue.uint32(h.dMlp()))
                .put(a + "attention.head_count", GgufValue.uint32(h.nHeads()))
                .put(a + "attention.head_count_kv", GgufValue.uint32(h.nKvHeads()))
                .put(a + "attention.key_length", GgufValue.uint32(h.dHead()))
                .put(a + "attention.value_length", GgufValue.uint32(h.dHead()))
                .put(a + "attention.layer_norm_rms_epsilon", GgufValue.float32(h.rmsEps()))
                .put(a + "attention.sliding_window", GgufValue.uint32(h.slidingWindow()))
                .put(a + "attn_logit_softcapping", GgufValue.float32(h.attnSoftcap()))
                .put(a + "final_logit_softcapping", GgufValue.float32(h.finalSoftcap()));
        int n = h.vocabSize();
        String[] tokens = new String[n];
        float[] scores = new float[n];
        int[] types = new int[n];
        String[] special = {"<pad>", "<eos>", "<bos>", "<unk>"};
        for (int i = 0; i < n; i++) {
            if (i < 4) {
                tokens[i] = special[i];
                types[i] = i == 3 ? 2 : 3; // llama.cpp: 2 unknown, 3 control
            } else if (i < FIRST_ORDINARY_TOKEN) {
                tokens[i] = String.format("<0x%02X>", i - 4);
                types[i] = 6; // byte
            } else {
                tokens[i] = "\u2581t" + i;
                types[i] = 1; // normal
                scores[i] = -i;
            }
        }
        w.put("tokenizer.ggml.model", GgufValue.string("llama"))
                .put("tokenizer.ggml.tokens", GgufValue.array(GgufValueType.STRING, tokens))
                .put("tokenizer.ggml.scores", GgufValue.array(GgufValueType.FLOAT32, scores))
                .put("tokenizer.ggml.token_type", GgufValue.array(GgufValueType.INT32, types))
                .put("tokenizer.ggml.padding_token_id", GgufValue.uint32(0))
                .put("tokenizer.ggml.eos_token_id", GgufValue.uint32(EOS))
                .put("tokenizer.ggml.bos_token_id", GgufValue.uint32(BOS))
                .put("tokenizer.ggml.unknown_token_id", GgufValue.uint32(3))
                .put("tokenizer.ggml.add_bos_token", GgufValue.bool(true))
                .put("tokenizer.ggml.add_eos_token", GgufValue.bool(false));
    }

    private static void ones(GgufWriter w, String name, int length) {
        w.addTensor(name, GgmlType.F32, new long[] {length}, dst -> {
            for (long i = 0; i < length; i++) dst.set(F32, 4 * i, 1f);
        });
    }

    /** Random blocks, one row at a time: the row's code bytes from the generator, then each block's scale. */
    private static void matrix(GgufWriter w, String name, GgmlType type, int rows, int cols, long seed) {
        w.addTensor(name, type, new long[] {rows, cols}, dst -> {
            SplittableRandom random = new SplittableRandom(seed);
            int blockBytes = type.blockBytes(), codeBytes = blockBytes - 2, blocks = cols / type.blockSize();
            // sd of one weight = d * sd(code): 73.3 for Q8_0 codes on [-127, 127], 4.61 for Q4_0's q - 8 on [-8, 7]
            short d = Float.floatToFloat16(WEIGHT_SD / (type == GgmlType.Q8_0 ? 73.3f : 4.61f));
            byte[] row = new byte[blocks * blockBytes], codes = new byte[codeBytes];
            for (long r = 0; r < rows; r++) {
                for (int b = 0; b < blocks; b++) {
                    random.nextBytes(codes);
                    if (type == GgmlType.Q8_0) {
                        for (int j = 0; j < codeBytes; j++) if (codes[j] == Byte.MIN_VALUE) codes[j] = -127; // ggml's range
                    }
                    int at = b * blockBytes;
                    row[at] = (byte) d;
                    row[at + 1] = (byte) (d >> 8);
                    System.arraycopy(codes, 0, row, at + 2, codeBytes);
                }
                MemorySegment.copy(row, 0, dst, ValueLayout.JAVA_BYTE, r * row.length, row.length);
            }
        });
    }
}
