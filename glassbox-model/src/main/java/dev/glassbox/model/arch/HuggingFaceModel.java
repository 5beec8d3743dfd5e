package dev.glassbox.model.arch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glassbox.core.GlassboxException;
import dev.glassbox.core.MalformedFileException;
import dev.glassbox.io.safetensors.SafetensorsFile;
import dev.glassbox.io.safetensors.TensorInfo;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerConfig.Positions;
import dev.glassbox.model.TransformerWeights;
import dev.glassbox.model.TransformerWeights.Attention;
import dev.glassbox.model.TransformerWeights.LayerWeights;
import dev.glassbox.model.TransformerWeights.Mlp;
import dev.glassbox.tensor.WeightMatrix;
import dev.glassbox.tensor.quant.GgmlType;
import dev.glassbox.tensor.quant.QuantizedMatrix;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A llama or Gemma 2 checkpoint in Hugging Face's layout: a directory with {@code config.json} and one or
 * more {@code .safetensors} files (F32, F16 or BF16). Matrices are views of the mapped files, multiplied in
 * their stored type; nothing is copied but the norms.
 *
 * <p>Differences from GGUF that this loader folds in: the q and k rows are in Hugging Face's order, so
 * RoPE rotates (i, i + dHead/2) pairs ({@link Positions#ROPE_HALF}) for llama too; Gemma's RMSNorm weights
 * are stored as {@code w} and used as {@code 1 + w}; Gemma 2's query scale is config.json's
 * {@code query_pre_attn_scalar}. The tensor {@code post_attention_layernorm} is llama's pre-MLP norm but
 * Gemma 2's post-attention norm (Gemma 2's pre-MLP norm is {@code pre_feedforward_layernorm}).
 */
public final class HuggingFaceModel implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<SafetensorsFile> files;
    private final Transformer transformer;

    private HuggingFaceModel(List<SafetensorsFile> files, Transformer transformer) {
        this.files = files;
        this.transformer = transformer;
    }

    /**
     * Loads the checkpoint in {@code directory}.
     *
     * @throws MalformedFileException naming config.json's field or the tensor that is missing or wrong
     * @throws GlassboxException when the directory cannot be read
     */
    public static HuggingFaceModel load(Path directory) {
        Path configPath = directory.resolve("config.json");
        JsonNode config;
        try {
            config = JSON.readTree(Files.readString(configPath));
        } catch (IOException e) {
            throw new GlassboxException("cannot read " + configPath + ": " + e.getMessage(), e);
        }
        if (config == null || !config.isObject()) throw new MalformedFileException(configPath, "is not a JSON object");
        Config c = new Config(configPath, config);
        TransformerConfig transformerConfig = c.transformerConfig();
        List<SafetensorsFile> files = openAll(directory);
        try {
            Tensors t = new Tensors(directory, files, transformerConfig);
            TransformerWeights weights = c.gemma2 ? t.gemma2() : t.llama(c.tied);
            try {
                return new HuggingFaceModel(files, new Transformer(transformerConfig, weights));
            } catch (IllegalArgumentException e) {
                throw new MalformedFileException(directory, e.getMessage());
            }
        } catch (RuntimeException e) {
            files.forEach(SafetensorsFile::close);
            throw e;
        }
    }

    /** The configuration config.json describes (architecture "llama" or "gemma2"). */
    public static TransformerConfig config(Path configJson) {
        try {
            return new Config(configJson, JSON.readTree(Files.readString(configJson))).transformerConfig();
        } catch (IOException e) {
            throw new GlassboxException("cannot read " + configJson + ": " + e.getMessage(), e);
        }
    }

    public TransformerConfig config() {
        return transformer.config();
    }

    public TransformerWeights weights() {
        return transformer.weights();
    }

    public Transformer transformer() {
        return transformer;
    }

    @Override
    public void close() {
        files.forEach(SafetensorsFile::close);
    }

    private static List<SafetensorsFile> openAll(Path directory) {
        List<Path> paths = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.safetensors")) {
            stream.forEach(paths::add);
        } catch (IOException e) {
            throw new GlassboxException("cannot list " + directory + ": " + e.getMessage(), e);
        }
        if (paths.isEmpty()) throw new GlassboxException(directory + " has no .safetensors files");
        paths.sort(null);
        List<SafetensorsFile> files = new ArrayList<>();
        try {
            for (Path p : paths) files.add(SafetensorsFile.open(p));
        } catch (RuntimeException e) {
            files.forEach(SafetensorsFile::close);
            throw e;
        }
        return files;
    }

    /** config.json, read with messages that name the field. */
    private static final class Config {
        final Path path;
        final JsonNode json;
        final boolean gemma2;
        final boolean tied;

        Config(Path path, JsonNode json) {
            this.path = path;
            this.json = json;
            String type = text("model_type");
            if (!type.equals("llama") && !type.equals("gemma2")) {
                throw new MalformedFileException(path, "model_type is '" + type + "'; Glassbox loads llama and gemma2 checkpoints");
            }
            this.gemma2 = type.equals("gemma2");
            this.tied = json.path("tie_word_embeddings").asBoolean(gemma2);
            if (json.hasNonNull("rope_scaling")) {
                throw new MalformedFileException(path, "rope_scaling is " + json.get("rope_scaling")
                        + "; Glassbox does not support RoPE scaling yet");
            }
            for (String bias : new String[] {"attention_bias", "mlp_bias"}) {
                if (json.path(bias).asBoolean(false)) {
                    throw new MalformedFileException(path, bias + " is true; Glassbox's llama has no biases yet");
                }
            }
        }

        TransformerConfig transformerConfig() {
            int d = positive("hidden_size"), layers = positive("num_hidden_layers"), heads = positive("num_attention_heads");
            int kvHeads = json.has("num_key_value_heads") ? positive("num_key_value_heads") : heads;
            int dHead = json.hasNonNull("head_dim") ? positive("head_dim") : d / heads;
            int mlp = positive("intermediate_size"), vocab = positive("vocab_size");
            int context = positive("max_position_embeddings");
            float eps = number("rms_norm_eps", Float.NaN);
            float theta = number("rope_theta", 10000f);
            if (heads % kvHeads != 0) {
                throw new MalformedFileException(path, "num_attention_heads " + heads + " is not a multiple of num_key_value_heads " + kvHeads);
            }
            if (!gemma2) {
                return new LlamaHyperparameters(d, layers, heads, kvHeads, dHead, mlp, vocab, context, eps, theta,
                        Positions.ROPE_HALF).config();
            }
            // Absent fields take Gemma2Config's defaults; a soft-cap set to null is switched off.
            int window = json.has("sliding_window") ? positive("sliding_window") : 4096;
            return new Gemma2Hyperparameters(d, layers, heads, kvHeads, dHead, mlp, vocab, context, eps, theta, window,
                    number("query_pre_attn_scalar", 256f), cap("attn_logit_softcapping", 50f), cap("final_logit_softcapping", 30f))
                    .config();
        }

        private String text(String field) {
            JsonNode n = json.get(field);
            if (n == null || !n.isTextual()) throw new MalformedFileException(path, "field '" + field + "' should be a string, found " + n);
            return n.textValue();
        }

        private int positive(String field) {
            JsonNode n = json.get(field);
            if (n == null || !n.canConvertToExactIntegral() || !n.canConvertToInt() || n.intValue() <= 0) {
                throw new MalformedFileException(path, "field '" + field + "' should be a positive integer, found " + n);
            }
            return n.intValue();
        }

        private float cap(String field, float absent) {
            if (!json.has(field)) return absent;
            return json.get(field).isNull() ? 0f : number(field, absent);
        }

        /** A number; absent or null gives {@code fallback}, which NaN makes required. */
        private float number(String field, float fallback) {
            JsonNode n = json.get(field);
            if (n == null || n.isNull()) {
                if (Float.isNaN(fallback)) throw new MalformedFileException(path, "field '" + field + "' is missing");
                return fallback;
            }
            if (!n.isNumber()) throw new MalformedFileException(path, "field '" + field + "' should be a number, found " + n);
            return n.floatValue();
        }
    }

    /** Tensors by Hugging Face name, across the files of a checkpoint, each shape checked. */
    private static final class Tensors {
        private final Path directory;
        private final TransformerConfig c;
        private final Map<String, SafetensorsFile> byName = new HashMap<>();

        Tensors(Path directory, List<SafetensorsFile> files, TransformerConfig config) {
            this.directory = directory;
            this.c = config;
            for (SafetensorsFile f : files) {
                for (TensorInfo t : f.tensors()) {
                    SafetensorsFile earlier = byName.put(t.name(), f);
                    if (earlier != null) {
                        throw new MalformedFileException(f.path(), "tensor '" + t.name() + "' is also in " + earlier.path());
                    }
                }
            }
        }

        TransformerWeights llama(boolean tied) {
            int d = c.dModel();
            WeightMatrix embed = matrix("model.embed_tokens.weight", c.vocabSize(), d);
            List<LayerWeights> layers = new ArrayList<>();
            for (int l = 0; l < c.nLayers(); l++) {
                String p = "model.layers." + l + ".";
                layers.add(new LayerWeights(vector(p + "input_layernorm.weight", false), attention(p), null,
                        vector(p + "post_attention_layernorm.weight", false), mlp(p), null));
            }
            WeightMatrix unembed = !tied || byName.containsKey("lm_head.weight") ? matrix("lm_head.weight", c.vocabSize(), d) : embed;
            return new TransformerWeights(embed, null, layers, vector("model.norm.weight", false), unembed);
        }

        TransformerWeights gemma2() {
            WeightMatrix embed = matrix("model.embed_tokens.weight", c.vocabSize(), c.dModel());
            List<LayerWeights> layers = new ArrayList<>();
            for (int l = 0; l < c.nLayers(); l++) {
                String p = "model.layers." + l + ".";
                layers.add(new LayerWeights(vector(p + "input_layernorm.weight", true), attention(p),
                        vector(p + "post_attention_layernorm.weight", true), vector(p + "pre_feedforward_layernorm.weight", true),
                        mlp(p), vector(p + "post_feedforward_layernorm.weight", true)));
            }
            WeightMatrix unembed = byName.containsKey("lm_head.weight") ? matrix("lm_head.weight", c.vocabSize(), c.dModel()) : embed;
            return new TransformerWeights(embed, null, layers, vector("model.norm.weight", true), unembed);
        }

        private Attention attention(String p) {
            int d = c.dModel(), q = c.nHeads() * c.dHead(), kv = c.nKvHeads() * c.dHead();
            return new Attention(matrix(p + "self_attn.q_proj.weight", q, d), null, matrix(p + "self_attn.k_proj.weight", kv, d), null,
                    matrix(p + "self_attn.v_proj.weight", kv, d), null, matrix(p + "self_attn.o_proj.weight", d, q), null);
        }

        private Mlp mlp(String p) {
            int d = c.dModel(), m = c.dMlp();
            return new Mlp(matrix(p + "mlp.up_proj.weight", m, d), null, matrix(p + "mlp.gate_proj.weight", m, d),
                    matrix(p + "mlp.down_proj.weight", d, m), null);
        }

        private WeightMatrix matrix(String name, int rows, int cols) {
            SafetensorsFile f = file(name);
            TensorInfo t = f.tensor(name);
            if (!Arrays.equals(t.shape(), new long[] {rows, cols})) {
                throw new MalformedFileException(f.path(), "tensor '" + name + "' has shape " + Arrays.toString(t.shape())
                        + " but config.json implies [" + rows + ", " + cols + "]");
            }
            GgmlType type = switch (t.dtype()) {
                case F32 -> GgmlType.F32;
                case F16 -> GgmlType.F16;
                case BF16 -> GgmlType.BF16;
                default -> throw new MalformedFileException(f.path(), "tensor '" + name + "' is " + t.dtype()
                        + "; Glassbox reads F32, F16 and BF16 checkpoints");
            };
            return QuantizedMatrix.of(type, rows, cols, f.segment(name));
        }

        /** A norm's weights; Gemma's RMSNorm multiplies by 1 + w. */
        private float[] vector(String name, boolean plusOne) {
            SafetensorsFile f = file(name);
            TensorInfo t = f.tensor(name);
            if (!Arrays.equals(t.shape(), new long[] {c.dModel()}) || !t.dtype().convertsToFloat()) {
                throw new MalformedFileException(f.path(), "tensor '" + name + "' is " + t.dtype() + Arrays.toString(t.shape())
                        + " but config.json implies a float vector of [" + c.dModel() + "]");
            }
            float[] w = f.readFloats(name);
            if (plusOne) for (int i = 0; i < w.length; i++) w[i] += 1f;
            return w;
        }

        private SafetensorsFile file(String name) {
            SafetensorsFile f = byName.get(name);
            if (f == null) {
                throw new MalformedFileException(directory, "tensor '" + name + "' is in none of the .safetensors files; a "
                        + c.architecture() + " checkpoint of " + c.nLayers() + " layers needs it");
            }
            return f;
        }
    }

}
