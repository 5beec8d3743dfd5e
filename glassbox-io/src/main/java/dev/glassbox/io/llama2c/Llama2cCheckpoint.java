package dev.glassbox.io.llama2c;

import dev.glassbox.core.MalformedFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The weights of a llama2.c checkpoint, as llama2.c names them, each row-major with one row per output
 * (PyTorch's {@code nn.Linear.weight}). The forward pass they describe, per layer:
 * <pre>
 *   x += wo · attention(wq · rms(x), wk · rms(x), wv · rms(x))      rms weights: rms_att
 *   x += w2 · (silu(w1 · rms(x)) ⊙ (w3 · rms(x)))                   rms weights: rms_ffn
 * </pre>
 * then logits = wcls · rms(x) with rms_final. The file stores, after the {@link Llama2cHeader}, float32:
 * token_embedding, rms_att, wq, wk, wv, wo, rms_ffn, w1, w2, w3 (each tensor for all layers in turn),
 * rms_final, the RoPE tables (skipped: they are recomputed), and wcls when untied.
 *
 * @param tokenEmbedding [vocab_size][dim]
 * @param layers one entry per layer
 * @param rmsFinal [dim]
 * @param classifier [vocab_size][dim]; the same array as {@code tokenEmbedding} when shared
 */
public record Llama2cCheckpoint(
        Llama2cHeader header,
        float[] tokenEmbedding,
        List<Layer> layers,
        float[] rmsFinal,
        float[] classifier) {

    /**
     * @param rmsAtt [dim]
     * @param wq [dim][dim] (n_heads * head_size rows)
     * @param wk [kv_dim][dim]
     * @param wv [kv_dim][dim]
     * @param wo [dim][dim]
     * @param rmsFfn [dim]
     * @param w1 [hidden_dim][dim], the gate (goes through silu)
     * @param w2 [dim][hidden_dim], the down projection
     * @param w3 [hidden_dim][dim], the up projection (multiplies the gate)
     */
    public record Layer(float[] rmsAtt, float[] wq, float[] wk, float[] wv, float[] wo,
            float[] rmsFfn, float[] w1, float[] w2, float[] w3) {}

    public Llama2cCheckpoint {
        layers = List.copyOf(layers);
    }

    /** The header alone, for callers that need only the sizes (e.g. to check a tokenizer). */
    public static Llama2cHeader readHeader(Path path) {
        try (MappedFile file = MappedFile.open(path)) {
            return Llama2cHeader.parse(path, file.bytes);
        }
    }

    /**
     * Maps {@code path}, validates its header and its size, and copies the weights out.
     *
     * @throws MalformedFileException when a header field is wrong or the size does not match the header
     */
    public static Llama2cCheckpoint read(Path path) {
        try (MappedFile file = MappedFile.open(path)) {
            Llama2cHeader h = Llama2cHeader.parse(path, file.bytes);
            checkSize(path, h, file.bytes.byteSize());
            return new Reader(file, h).readAll();
        }
    }

    private static void checkSize(Path path, Llama2cHeader h, long actual) {
        long expected = h.fileSize();
        if (actual == expected) return;
        String shape = "dim " + h.dim() + ", hidden_dim " + h.hiddenDim() + ", n_layers " + h.nLayers() + ", n_heads "
                + h.nHeads() + ", n_kv_heads " + h.nKvHeads() + ", vocab_size " + h.vocabSize()
                + (h.sharedClassifier() ? " (shared classifier)" : " (untied classifier)") + ", seq_len " + h.seqLen();
        long classifierBytes = (long) Float.BYTES * h.vocabSize() * h.dim();
        String hint;
        if (actual < expected) {
            hint = "the file is truncated: download or export it again";
        } else if (h.sharedClassifier() && actual - expected == classifierBytes) {
            hint = "the extra bytes are exactly one vocab_size x dim classifier: the file has an untied classifier"
                    + " but vocab_size is positive (it must be negative for an untied one)";
        } else {
            hint = "the header does not describe these weights, or something was appended to the file";
        }
        throw new MalformedFileException(path, "llama2.c checkpoint is " + actual + " bytes, but its header (" + shape
                + ") needs exactly " + expected + " bytes; " + hint);
    }

    /** Reads tensors one after another from the end of the header. */
    private static final class Reader {
        private final MappedFile file;
        private final Llama2cHeader h;
        private long offset = Llama2cHeader.BYTES;

        Reader(MappedFile file, Llama2cHeader header) {
            this.file = file;
            this.h = header;
        }

        Llama2cCheckpoint readAll() {
            int dim = h.dim(), hidden = h.hiddenDim(), kv = h.kvDim();
            float[] embedding = next(h.vocabSize() * dim);
            float[][] rmsAtt = perLayer(dim);
            float[][] wq = perLayer(dim * dim);
            float[][] wk = perLayer(kv * dim);
            float[][] wv = perLayer(kv * dim);
            float[][] wo = perLayer(dim * dim);
            float[][] rmsFfn = perLayer(dim);
            float[][] w1 = perLayer(hidden * dim);
            float[][] w2 = perLayer(dim * hidden);
            float[][] w3 = perLayer(hidden * dim);
            float[] rmsFinal = next(dim);
            offset += (long) Float.BYTES * h.seqLen() * h.headSize(); // freq_cis_real, freq_cis_imag
            float[] classifier = h.sharedClassifier() ? embedding : next(h.vocabSize() * dim);

            List<Layer> layers = new ArrayList<>();
            for (int l = 0; l < h.nLayers(); l++) {
                layers.add(new Layer(rmsAtt[l], wq[l], wk[l], wv[l], wo[l], rmsFfn[l], w1[l], w2[l], w3[l]));
            }
            return new Llama2cCheckpoint(h, embedding, layers, rmsFinal, classifier);
        }

        private float[][] perLayer(int count) {
            float[][] out = new float[h.nLayers()][];
            for (int l = 0; l < out.length; l++) out[l] = next(count);
            return out;
        }

        private float[] next(int count) {
            float[] out = file.floats(offset, count);
            offset += (long) Float.BYTES * count;
            return out;
        }
    }
}
