package dev.glassbox.model;

import dev.glassbox.model.TransformerConfig.Activation;
import dev.glassbox.model.TransformerConfig.Norm;
import dev.glassbox.model.TransformerConfig.Positions;
import dev.glassbox.model.TransformerConfig.SlidingLayers;
import dev.glassbox.model.TransformerWeights.Attention;
import dev.glassbox.model.TransformerWeights.LayerWeights;
import dev.glassbox.model.TransformerWeights.Mlp;
import dev.glassbox.tensor.FloatMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small configurations covering every option, and random weights for them. */
public final class TestModels {
    private TestModels() {}

    /** Tracr-style: learned positions, ReLU, no norms, no score scaling, bidirectional, with biases. */
    public static TransformerConfig compiled() {
        return TransformerConfig.compiled(12, 2, 3, 4, 10, 7, 8, false);
    }

    /** The same, causal. */
    public static TransformerConfig compiledCausal() {
        return TransformerConfig.compiled(12, 2, 3, 4, 10, 7, 8, true);
    }

    /** llama-style: RMSNorm, rotate-half RoPE, SwiGLU, two query heads per key/value head, causal. */
    public static TransformerConfig llama() {
        return new TransformerConfig("llama", 16, 2, 4, 2, 4, 24, 11, 16, Norm.RMS_NORM, 1e-5f,
                Activation.SILU, true, Positions.ROPE_HALF, 10000f, true, 0.5f, 0f, 0f, 0,
                SlidingLayers.NONE, 1f, false);
    }

    /** llama as GGUF stores it: interleaved RoPE pairs. */
    public static TransformerConfig llamaInterleaved() {
        return new TransformerConfig("llama", 16, 2, 4, 2, 4, 24, 11, 16, Norm.RMS_NORM, 1e-5f,
                Activation.SILU, true, Positions.ROPE_INTERLEAVED, 100f, true, 0.5f, 0f, 0f, 0,
                SlidingLayers.NONE, 1f, false);
    }

    /** Gemma-2-style: post-norms, GeGLU, both soft-caps, a window of 3 on even layers, GQA, embed scale. */
    public static TransformerConfig gemma() {
        return new TransformerConfig("gemma2", 16, 3, 4, 2, 4, 24, 11, 16, Norm.RMS_NORM, 1e-6f,
                Activation.GELU_TANH, true, Positions.ROPE_HALF, 10000f, true, 0.5f, 2f, 3f, 3,
                SlidingLayers.EVEN, 4f, true);
    }

    /** GPT-2-style: LayerNorm, learned positions, plain GELU MLP, biases. */
    public static TransformerConfig gpt2() {
        return new TransformerConfig("gpt2", 12, 2, 3, 3, 4, 20, 9, 10, Norm.LAYER_NORM, 1e-5f,
                Activation.GELU_TANH, false, Positions.LEARNED, 0f, true, 0.5f, 0f, 0f, 0,
                SlidingLayers.NONE, 1f, false);
    }

    /** No positions at all, bidirectional, a window on every layer. */
    public static TransformerConfig positionFree() {
        return new TransformerConfig("test", 8, 1, 2, 1, 4, 8, 5, 12, Norm.NONE, 0f,
                Activation.RELU, false, Positions.NONE, 0f, false, 1f, 0f, 0f, 2,
                SlidingLayers.ALL, 1f, false);
    }

    public static List<TransformerConfig> all() {
        return List.of(compiled(), compiledCausal(), llama(), llamaInterleaved(), gemma(), gpt2(), positionFree());
    }

    /** Random weights of the right shapes; biases only where the architecture usually has them. */
    public static TransformerWeights randomWeights(TransformerConfig c, long seed) {
        Random random = new Random(seed);
        boolean biases = c.norm() != Norm.RMS_NORM;
        int q = c.nHeads() * c.dHead(), kv = c.nKvHeads() * c.dHead();
        List<LayerWeights> layers = new ArrayList<>();
        for (int l = 0; l < c.nLayers(); l++) {
            Attention attn = new Attention(
                    matrix(random, q, c.dModel()), vector(random, q, biases),
                    matrix(random, kv, c.dModel()), vector(random, kv, biases),
                    matrix(random, kv, c.dModel()), vector(random, kv, biases),
                    matrix(random, c.dModel(), q), vector(random, c.dModel(), biases));
            Mlp mlp = new Mlp(matrix(random, c.dMlp(), c.dModel()), vector(random, c.dMlp(), biases),
                    c.gatedMlp() ? matrix(random, c.dMlp(), c.dModel()) : null,
                    matrix(random, c.dModel(), c.dMlp()), vector(random, c.dModel(), biases));
            boolean norms = c.norm() != Norm.NONE;
            layers.add(new LayerWeights(norm(random, c, norms), attn, norm(random, c, c.postNorms()),
                    norm(random, c, norms), mlp, norm(random, c, c.postNorms())));
        }
        FloatMatrix embed = matrix(random, c.vocabSize(), c.dModel());
        FloatMatrix posEmbed = c.positions() == Positions.LEARNED ? matrix(random, c.contextLength(), c.dModel()) : null;
        return new TransformerWeights(embed, posEmbed, layers, norm(random, c, c.norm() != Norm.NONE),
                matrix(random, c.vocabSize(), c.dModel()));
    }

    public static int[] randomTokens(TransformerConfig c, int n, long seed) {
        Random random = new Random(seed);
        int[] tokens = new int[n];
        for (int i = 0; i < n; i++) tokens[i] = random.nextInt(c.vocabSize());
        return tokens;
    }

    static FloatMatrix matrix(Random random, int rows, int cols) {
        float[] data = new float[rows * cols];
        float scale = (float) (1.0 / Math.sqrt(cols));
        for (int i = 0; i < data.length; i++) data[i] = (float) random.nextGaussian() * scale;
        return new FloatMatrix(rows, cols, data);
    }

    private static float[] vector(Random random, int n, boolean present) {
        if (!present) return null;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) random.nextGaussian() * 0.1f;
        return v;
    }

    private static float[] norm(Random random, TransformerConfig c, boolean present) {
        if (!present) return null;
        float[] v = new float[c.dModel()];
        for (int i = 0; i < v.length; i++) v[i] = 1f + (float) random.nextGaussian() * 0.2f;
        return v;
    }
}
