package dev.glassbox.model.arch;

import dev.glassbox.core.MalformedFileException;
import dev.glassbox.io.gguf.GgufFile;
import dev.glassbox.io.gguf.GgufMetadata;
import dev.glassbox.io.gguf.GgufTensorInfo;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerConfig.Positions;
import dev.glassbox.model.TransformerWeights;
import dev.glassbox.model.TransformerWeights.Attention;
import dev.glassbox.model.TransformerWeights.LayerWeights;
import dev.glassbox.model.TransformerWeights.Mlp;
import dev.glassbox.tensor.WeightMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How llama.cpp's GGUF files describe the architectures Glassbox runs ({@code general.architecture} =
 * {@code llama} or {@code gemma2}): the metadata keys that give the hyper-parameters, and the tensor names
 * that give the weights.
 *
 * <p>Metadata (for ARCH = llama or gemma2): {@code ARCH.embedding_length}, {@code ARCH.block_count},
 * {@code ARCH.attention.head_count}, {@code ARCH.attention.head_count_kv} (default: head_count),
 * {@code ARCH.attention.key_length} and {@code value_length} (default: embedding_length / head_count),
 * {@code ARCH.feed_forward_length}, {@code ARCH.context_length},
 * {@code ARCH.attention.layer_norm_rms_epsilon}, {@code ARCH.rope.freq_base} (default 10000); for gemma2
 * also {@code gemma2.attention.sliding_window} (default 4096), {@code gemma2.attn_logit_softcapping}
 * (default 50) and {@code gemma2.final_logit_softcapping} (default 30), llama.cpp's defaults.
 *
 * <p>Tensors: {@code token_embd.weight}, per layer N {@code blk.N.attn_norm.weight},
 * {@code blk.N.attn_q|attn_k|attn_v|attn_output.weight}, {@code blk.N.ffn_norm.weight},
 * {@code blk.N.ffn_gate|ffn_up|ffn_down.weight}, gemma2's {@code blk.N.post_attention_norm.weight} and
 * {@code blk.N.post_ffw_norm.weight}, then {@code output_norm.weight} and {@code output.weight} (absent:
 * tied to the embedding). Matrices stay in the file's encoding (see {@link GgufFile#matrix}); norms are read
 * as floats.
 *
 * <p>Conventions llama.cpp fixes and Glassbox follows:
 * <ul>
 *   <li>RoPE: llama uses adjacent pairs ({@link Positions#ROPE_INTERLEAVED}; llama.cpp's converter permutes
 *       Hugging Face's q and k rows to make that right), gemma2 uses (i, i + dHead/2)
 *       ({@link Positions#ROPE_HALF}): {@code llama_model_rope_type} returns NORM for LLM_ARCH_LLAMA and NEOX
 *       for LLM_ARCH_GEMMA2.
 *   <li>Gemma 2's norms are stored as {@code 1 + w} (the converter adds the 1), so they are used as read.
 *   <li>Gemma 2's query scale: GGUF has no query_pre_attn_scalar key; llama.cpp uses 1/sqrt(n_embd/n_head) when
 *       the model has 46 layers (27B, where it is 1/sqrt(144) and differs from 1/sqrt(head_dim = 128)) and
 *       1/sqrt(key_length) otherwise, which is Hugging Face's value for 2B and 9B. So does Glassbox.
 * </ul>
 */
public final class GgufArchitecture {
    public static final String ARCHITECTURE_KEY = "general.architecture";

    private GgufArchitecture() {}

    /**
     * The configuration a GGUF file describes; the vocabulary size is the number of rows of
     * {@code token_embd.weight}.
     *
     * @throws MalformedFileException naming the file and the key or tensor that is missing or wrong, or the
     *     architecture when Glassbox does not run it
     */
    public static TransformerConfig config(GgufFile file) {
        return config(file.metadata(), vocabSize(file));
    }

    /** The configuration that {@code metadata} describes, for a vocabulary of {@code vocabSize} tokens. */
    public static TransformerConfig config(GgufMetadata metadata, int vocabSize) {
        String arch = metadata.string(ARCHITECTURE_KEY);
        return switch (arch) {
            case "llama" -> llama(metadata, vocabSize).config();
            case "gemma2" -> gemma2(metadata, vocabSize).config();
            default -> throw new MalformedFileException(metadata.file(), "'" + ARCHITECTURE_KEY + "' is '" + arch
                    + "', which Glassbox does not run; it runs llama and gemma2");
        };
    }

    public static LlamaHyperparameters llama(GgufMetadata m, int vocabSize) {
        Common c = common(m, "llama", vocabSize);
        return new LlamaHyperparameters(c.dModel, c.nLayers, c.nHeads, c.nKvHeads, c.dHead, c.dMlp, vocabSize,
                c.contextLength, c.rmsEps, c.ropeTheta, Positions.ROPE_INTERLEAVED);
    }

    public static Gemma2Hyperparameters gemma2(GgufMetadata m, int vocabSize) {
        Common c = common(m, "gemma2", vocabSize);
        int window = m.optionalInteger("gemma2.attention.sliding_window").orElse(4096);
        if (window <= 0) throw bad(m, "'gemma2.attention.sliding_window' is " + window + "; it must be positive");
        float attnCap = m.optionalNumber("gemma2.attn_logit_softcapping").orElse(50f);
        float finalCap = m.optionalNumber("gemma2.final_logit_softcapping").orElse(30f);
        if (!(attnCap >= 0) || !(finalCap >= 0)) {
            throw bad(m, "soft-caps must be non-negative, got attn " + attnCap + " and final " + finalCap);
        }
        // llama.cpp: LLM_TYPE_27B (46 layers) ? 1/sqrt(n_embd/n_head) : 1/sqrt(n_embd_head_k).
        float queryPreAttnScalar = c.nLayers == 46 ? c.dModel / c.nHeads : c.dHead;
        return new Gemma2Hyperparameters(c.dModel, c.nLayers, c.nHeads, c.nKvHeads, c.dHead, c.dMlp, vocabSize,
                c.contextLength, c.rmsEps, c.ropeTheta, window, queryPreAttnScalar, attnCap, finalCap);
    }

    private record Common(int dModel, int nLayers, int nHeads, int nKvHeads, int dHead, int dMlp, int contextLength,
            float rmsEps, float ropeTheta) {}

    private static Common common(GgufMetadata m, String arch, int vocabSize) {
        int dModel = positive(m, arch + ".embedding_length");
        int nLayers = positive(m, arch + ".block_count");
        int nHeads = positive(m, arch + ".attention.head_count");
        String kvKey = arch + ".attention.head_count_kv";
        int nKvHeads = m.contains(kvKey) ? positive(m, kvKey) : nHeads;
        if (nHeads % nKvHeads != 0) {
            throw bad(m, "'" + arch + ".attention.head_count' (" + nHeads + ") is not a multiple of '" + kvKey + "' (" + nKvHeads + ")");
        }
        String keyLength = arch + ".attention.key_length", valueLength = arch + ".attention.value_length";
        int dHead;
        if (m.contains(keyLength)) {
            dHead = positive(m, keyLength);
        } else if (dModel % nHeads == 0) {
            dHead = dModel / nHeads;
        } else {
            throw bad(m, "'" + arch + ".embedding_length' (" + dModel + ") is not a multiple of the head count (" + nHeads
                    + ") and there is no '" + keyLength + "'");
        }
        if (m.contains(valueLength) && positive(m, valueLength) != dHead) {
            throw bad(m, "'" + valueLength + "' (" + positive(m, valueLength) + ") differs from the key length (" + dHead
                    + "); Glassbox needs one head width");
        }
        String ropeDims = arch + ".rope.dimension_count";
        if (m.contains(ropeDims) && positive(m, ropeDims) != dHead) {
            throw bad(m, "'" + ropeDims + "' is " + positive(m, ropeDims) + " but heads are " + dHead
                    + " wide; Glassbox rotates whole heads only (partial rotary embeddings are not supported)");
        }
        Optional<String> scaling = m.optionalString(arch + ".rope.scaling.type");
        if (scaling.isPresent() && !scaling.get().equals("none")) {
            throw bad(m, "'" + arch + ".rope.scaling.type' is '" + scaling.get() + "'; Glassbox does not support RoPE scaling yet");
        }
        int dMlp = positive(m, arch + ".feed_forward_length");
        int contextLength = positive(m, arch + ".context_length");
        String epsKey = arch + ".attention.layer_norm_rms_epsilon";
        float eps = m.number(epsKey);
        if (!(eps > 0 && eps < 1)) throw bad(m, "'" + epsKey + "' is " + eps + "; it must be in (0, 1)");
        float theta = m.optionalNumber(arch + ".rope.freq_base").orElse(10000f);
        if (!(theta > 0) || Float.isInfinite(theta)) throw bad(m, "'" + arch + ".rope.freq_base' is " + theta + "; it must be positive");
        String vocabKey = arch + ".vocab_size";
        if (m.contains(vocabKey) && m.integer(vocabKey) != vocabSize) {
            throw bad(m, "'" + vocabKey + "' is " + m.integer(vocabKey) + " but token_embd.weight has " + vocabSize + " rows");
        }
        return new Common(dModel, nLayers, nHeads, nKvHeads, dHead, dMlp, contextLength, eps, theta);
    }

    private static int positive(GgufMetadata m, String key) {
        int v = m.integer(key);
        if (v <= 0) throw bad(m, "'" + key + "' is " + v + "; it must be positive");
        return v;
    }

    /** Rows of token_embd.weight. */
    static int vocabSize(GgufFile file) {
        GgufTensorInfo embed = file.tensor("token_embd.weight");
        long[] shape = embed.shape();
        if (shape.length != 2 || shape[0] > Integer.MAX_VALUE) {
            throw new MalformedFileException(file.path(), "tensor 'token_embd.weight' has shape " + Arrays.toString(shape)
                    + "; it should be [vocabulary][embedding_length]");
        }
        return (int) shape[0];
    }

    /**
     * The weights of a GGUF file for {@code config} (from {@link #config(GgufFile)}), as views of the mapped
     * file: valid while {@code file} is open.
     *
     * @throws MalformedFileException naming the first tensor that is missing or of the wrong shape
     */
    public static TransformerWeights weights(GgufFile file, TransformerConfig config) {
        if (file.contains("rope_freqs.weight")) {
            throw new MalformedFileException(file.path(), "the model has 'rope_freqs.weight' (llama 3.1's RoPE frequency"
                    + " factors), which Glassbox does not support yet");
        }
        Tensors t = new Tensors(file, config);
        int d = config.dModel(), q = config.nHeads() * config.dHead(), kv = config.nKvHeads() * config.dHead();
        int mlp = config.dMlp(), vocab = config.vocabSize();
        boolean gemma2 = config.postNorms();
        WeightMatrix embed = t.matrix("token_embd.weight", vocab, d);
        List<LayerWeights> layers = new ArrayList<>();
        for (int l = 0; l < config.nLayers(); l++) {
            String p = "blk." + l + ".";
            Attention attn = new Attention(
                    t.matrix(p + "attn_q.weight", q, d), null,
                    t.matrix(p + "attn_k.weight", kv, d), null,
                    t.matrix(p + "attn_v.weight", kv, d), null,
                    t.matrix(p + "attn_output.weight", d, q), null);
            Mlp ffn = new Mlp(t.matrix(p + "ffn_up.weight", mlp, d), null,
                    t.matrix(p + "ffn_gate.weight", mlp, d),
                    t.matrix(p + "ffn_down.weight", d, mlp), null);
            layers.add(new LayerWeights(
                    t.vector(p + "attn_norm.weight", d), attn, gemma2 ? t.vector(p + "post_attention_norm.weight", d) : null,
                    t.vector(p + "ffn_norm.weight", d), ffn, gemma2 ? t.vector(p + "post_ffw_norm.weight", d) : null));
        }
        WeightMatrix unembed = file.contains("output.weight") ? t.matrix("output.weight", vocab, d) : embed;
        return new TransformerWeights(embed, null, layers, t.vector("output_norm.weight", d), unembed);
    }

    /** Reads tensors by GGUF name, checking each shape against what the configuration implies. */
    private record Tensors(GgufFile file, TransformerConfig config) {
        WeightMatrix matrix(String name, int rows, int cols) {
            GgufTensorInfo info = require(name);
            long[] shape = info.shape();
            if (shape.length != 2 || shape[0] != rows || shape[1] != cols) {
                throw new MalformedFileException(file.path(), "tensor '" + name + "' has shape " + Arrays.toString(shape)
                        + " but the metadata implies [" + rows + ", " + cols + "]" + meaning());
            }
            return file.matrix(name);
        }

        float[] vector(String name, int length) {
            GgufTensorInfo info = require(name);
            long[] shape = info.shape();
            if (shape.length != 1 || shape[0] != length) {
                throw new MalformedFileException(file.path(), "tensor '" + name + "' has shape " + Arrays.toString(shape)
                        + " but the metadata implies [" + length + "] (embedding_length)");
            }
            return file.readFloats(name);
        }

        private GgufTensorInfo require(String name) {
            if (!file.contains(name)) {
                throw new MalformedFileException(file.path(), "tensor '" + name + "' is missing; a " + config.architecture()
                        + " model of " + config.nLayers() + " layers needs it");
            }
            return file.tensor(name);
        }

        private String meaning() {
            return " (embedding_length " + config.dModel() + ", " + config.nHeads() + " heads and " + config.nKvHeads()
                    + " key/value heads of " + config.dHead() + ", feed_forward_length " + config.dMlp() + ", vocabulary "
                    + config.vocabSize() + ")";
        }
    }

    static MalformedFileException bad(GgufMetadata m, String what) {
        return new MalformedFileException(m.file(), "GGUF metadata: " + what);
    }
}
