package dev.glassbox.model.arch;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.io.gguf.GgufFile;
import dev.glassbox.io.gguf.GgufTensorInfo;
import dev.glassbox.io.gguf.GgufValue;
import dev.glassbox.io.gguf.GgufValueType;
import dev.glassbox.io.gguf.GgufWriter;
import dev.glassbox.io.llama2c.Llama2cCheckpoint;
import dev.glassbox.io.llama2c.Llama2cHeader;
import dev.glassbox.io.llama2c.Llama2cTokenizerFile;
import dev.glassbox.tensor.quant.GgmlType;
import dev.glassbox.tensor.quant.Quantization;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes GGUF files from a llama2.c checkpoint or from another GGUF file, with the matrices in one chosen
 * type. Vectors (norms, biases) stay F32, as llama.cpp keeps them; a matrix whose rows are not a whole number
 * of the type's blocks falls back to F16 (llama.cpp falls back the same way); a GGUF tensor in a type
 * Glassbox cannot decode is copied unchanged. Every such decision is reported in {@link Result#notes()}.
 *
 * <p>A llama2.c checkpoint becomes a GGUF {@code llama} model with llama.cpp's tensor names; its q and k
 * rows are already in the adjacent-pairs RoPE layout that GGUF llama uses, so they are copied as they are.
 * With a llama2.c tokenizer file, the vocabulary is written as llama.cpp's {@code tokenizer.ggml.*} keys
 * (model "llama", BOS 1, EOS 2, UNK 0) so that llama.cpp can run the file.
 */
public final class GgufConverter {
    private GgufConverter() {}

    /** What was written, and every per-tensor decision worth knowing. */
    public record Result(Path output, GgmlType type, int tensors, List<String> notes) {}

    /** The types a conversion can target. */
    public static final List<GgmlType> TARGETS = List.of(GgmlType.F32, GgmlType.F16, GgmlType.BF16, GgmlType.Q8_0,
            GgmlType.Q4_0, GgmlType.Q4_K, GgmlType.Q6_K);

    /**
     * Converts {@code input} (GGUF, or a llama2.c {@code .bin}) to a GGUF file at {@code output}.
     *
     * @param tokenizer a llama2.c tokenizer file to embed (llama2.c input only), or null
     */
    public static Result convert(Path input, Path output, GgmlType type, Path tokenizer) {
        if (!TARGETS.contains(type)) {
            throw new InvalidInputException("cannot convert to " + type + "; choose one of " + TARGETS);
        }
        if (GgufFile.looksLikeGguf(input)) {
            if (tokenizer != null) {
                throw new InvalidInputException(input + " is a GGUF file and keeps its own tokenizer; drop the tokenizer option");
            }
            return fromGguf(input, output, type);
        }
        return fromLlama2c(input, output, type, tokenizer);
    }

    /** llama.cpp's llama_ftype for a file whose matrices are all {@code type}. */
    static int fileType(GgmlType type) {
        return switch (type) {
            case F32 -> 0;
            case F16 -> 1;
            case Q4_0 -> 2;
            case Q8_0 -> 7;
            case Q4_K -> 14; // MOSTLY_Q4_K_S: every matrix Q4_K
            case Q6_K -> 18;
            case BF16 -> 32;
            default -> throw new IllegalArgumentException("no llama_ftype for " + type);
        };
    }

    private static boolean quantized(GgmlType type) {
        return type.blockSize() > 1;
    }

    /** The type a tensor of this shape gets: vectors F32, matrices {@code wanted} unless their rows do not fit it. */
    private static GgmlType typeFor(String name, long[] shape, GgmlType wanted, List<String> notes) {
        if (shape.length < 2) return GgmlType.F32;
        long rowLength = shape[shape.length - 1];
        if (rowLength % wanted.blockSize() == 0) return wanted;
        notes.add(name + ": rows of " + rowLength + " values are not whole " + wanted + " blocks of " + wanted.blockSize()
                + "; stored as F16");
        return GgmlType.F16;
    }

    private static Result fromLlama2c(Path input, Path output, GgmlType type, Path tokenizerPath) {
        Llama2cCheckpoint checkpoint = Llama2cCheckpoint.read(input);
        Llama2cHeader h = checkpoint.header();
        List<String> notes = new ArrayList<>();
        String name = input.getFileName().toString().replaceFirst("\\.bin$", "");
        GgufWriter w = new GgufWriter()
                .put("general.architecture", GgufValue.string("llama"))
                .put("general.name", GgufValue.string(name))
                .put("general.file_type", GgufValue.uint32(fileType(type)));
        if (quantized(type)) w.put("general.quantization_version", GgufValue.uint32(2));
        w.put("llama.vocab_size", GgufValue.uint32(h.vocabSize()))
                .put("llama.context_length", GgufValue.uint32(h.seqLen()))
                .put("llama.embedding_length", GgufValue.uint32(h.dim()))
                .put("llama.block_count", GgufValue.uint32(h.nLayers()))
                .put("llama.feed_forward_length", GgufValue.uint32(h.hiddenDim()))
                .put("llama.rope.dimension_count", GgufValue.uint32(h.headSize()))
                .put("llama.attention.head_count", GgufValue.uint32(h.nHeads()))
                .put("llama.attention.head_count_kv", GgufValue.uint32(h.nKvHeads()))
                .put("llama.attention.layer_norm_rms_epsilon", GgufValue.float32(1e-5f))
                .put("llama.rope.freq_base", GgufValue.float32(10000f));
        if (tokenizerPath != null) putTokenizer(w, Llama2cTokenizerFile.read(tokenizerPath), h.vocabSize(), tokenizerPath);

        int dim = h.dim(), hidden = h.hiddenDim(), kv = h.kvDim(), vocab = h.vocabSize();
        Adder add = (tensorName, shape, values) -> w.addTensor(tensorName, typeFor(tensorName, shape, type, notes), shape, values);
        add.tensor("token_embd.weight", new long[] {vocab, dim}, checkpoint.tokenEmbedding());
        int count = 1;
        for (int l = 0; l < h.nLayers(); l++) {
            Llama2cCheckpoint.Layer layer = checkpoint.layers().get(l);
            String p = "blk." + l + ".";
            add.tensor(p + "attn_norm.weight", new long[] {dim}, layer.rmsAtt());
            add.tensor(p + "attn_q.weight", new long[] {dim, dim}, layer.wq());
            add.tensor(p + "attn_k.weight", new long[] {kv, dim}, layer.wk());
            add.tensor(p + "attn_v.weight", new long[] {kv, dim}, layer.wv());
            add.tensor(p + "attn_output.weight", new long[] {dim, dim}, layer.wo());
            add.tensor(p + "ffn_norm.weight", new long[] {dim}, layer.rmsFfn());
            add.tensor(p + "ffn_gate.weight", new long[] {hidden, dim}, layer.w1());
            add.tensor(p + "ffn_down.weight", new long[] {dim, hidden}, layer.w2());
            add.tensor(p + "ffn_up.weight", new long[] {hidden, dim}, layer.w3());
            count += 9;
        }
        add.tensor("output_norm.weight", new long[] {dim}, checkpoint.rmsFinal());
        count++;
        if (checkpoint.classifier() != checkpoint.tokenEmbedding()) {
            add.tensor("output.weight", new long[] {vocab, dim}, checkpoint.classifier());
            count++;
        }
        w.write(output);
        return new Result(output, type, count, List.copyOf(notes));
    }

    @FunctionalInterface
    private interface Adder {
        void tensor(String name, long[] shape, float[] values);
    }

    /**
     * A llama2.c piece back in SentencePiece's spelling: llama2.c's exporter wrote '▁' (U+2581) as a
     * plain space and the special pieces as "<unk>", "\n<s>\n", "\n</s>\n"; llama.cpp's SPM tokenizer
     * (and ours) expect the SentencePiece forms, or every prompt falls back to byte tokens.
     */
    static String sentencePiece(String piece, int id) {
        return switch (id) {
            case 0 -> "<unk>";
            case 1 -> "<s>";
            case 2 -> "</s>";
            default -> piece.matches("<0x[0-9A-Fa-f]{2}>") ? piece : piece.replace(' ', '\u2581');
        };
    }

    /** llama.cpp's token types: 1 normal, 2 unknown, 3 control, 6 byte. */
    private static void putTokenizer(GgufWriter w, Llama2cTokenizerFile tokenizer, int vocabSize, Path path) {
        if (tokenizer.size() != vocabSize) {
            throw new InvalidInputException("the tokenizer " + path + " has " + tokenizer.size() + " tokens but the model's"
                    + " vocabulary has " + vocabSize + "; give the tokenizer that belongs to this checkpoint");
        }
        String[] tokens = new String[vocabSize];
        int[] types = new int[vocabSize];
        for (int i = 0; i < vocabSize; i++) {
            tokens[i] = sentencePiece(new String(tokenizer.pieces().get(i), StandardCharsets.UTF_8), i);
            types[i] = i == 0 ? 2 : (i == 1 || i == 2) ? 3 : tokens[i].matches("<0x[0-9A-Fa-f]{2}>") ? 6 : 1;
        }
        w.put("tokenizer.ggml.model", GgufValue.string("llama"))
                .put("tokenizer.ggml.tokens", GgufValue.array(GgufValueType.STRING, tokens))
                .put("tokenizer.ggml.scores", GgufValue.array(GgufValueType.FLOAT32, tokenizer.scores().clone()))
                .put("tokenizer.ggml.token_type", GgufValue.array(GgufValueType.INT32, types))
                .put("tokenizer.ggml.unknown_token_id", GgufValue.uint32(0))
                .put("tokenizer.ggml.bos_token_id", GgufValue.uint32(1))
                .put("tokenizer.ggml.eos_token_id", GgufValue.uint32(2));
    }

    private static Result fromGguf(Path input, Path output, GgmlType type) {
        List<String> notes = new ArrayList<>();
        try (GgufFile in = GgufFile.open(input)) {
            GgufWriter w = new GgufWriter();
            for (Map.Entry<String, GgufValue> e : in.metadata().asMap().entrySet()) {
                switch (e.getKey()) {
                    case "general.file_type", "general.quantization_version" -> {}
                    default -> w.put(e.getKey(), e.getValue());
                }
            }
            w.put("general.file_type", GgufValue.uint32(fileType(type)));
            if (quantized(type)) w.put("general.quantization_version", GgufValue.uint32(2));
            for (GgufTensorInfo t : in.tensors()) {
                MemorySegment source = in.segment(t.name());
                long[] shape = t.shape();
                if (!t.type().hasKernels()) {
                    notes.add(t.name() + ": " + t.type() + " cannot be decoded by Glassbox; copied unchanged");
                    w.addEncodedTensor(t.name(), t.type(), shape, source);
                    continue;
                }
                GgmlType target = typeFor(t.name(), shape, type, notes);
                if (target == t.type()) {
                    w.addEncodedTensor(t.name(), target, shape, source); // no second rounding
                } else {
                    w.addTensor(t.name(), target, shape, recode(t, source, target));
                }
            }
            w.write(output);
            return new Result(output, type, in.tensors().size(), List.copyOf(notes));
        }
    }

    /** Decodes one row at a time and encodes it again, straight into the output file. */
    private static GgufWriter.TensorData recode(GgufTensorInfo t, MemorySegment source, GgmlType target) {
        int rowLength = Math.toIntExact(t.rowLength());
        long rows = t.rowCount();
        long sourceRow = t.type().byteSize(rowLength), targetRow = target.byteSize(rowLength);
        return destination -> {
            float[] row = new float[rowLength];
            for (long r = 0; r < rows; r++) {
                Quantization.dequantize(t.type(), source, r * sourceRow, row, 0, rowLength);
                Quantization.quantize(target, row, 0, rowLength, destination, r * targetRow);
            }
        };
    }
}
