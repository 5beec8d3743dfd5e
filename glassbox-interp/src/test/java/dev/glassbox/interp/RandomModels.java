package dev.glassbox.interp;

import dev.glassbox.interp.model.PlainInterpModel;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small random models of each architecture, for checks against naive recomputation. */
public final class RandomModels {
    private RandomModels() {}

    /** Tracr-like: no norms, learned positions, ReLU, biases. */
    public static TransformerConfig compiledLike() {
        return TransformerConfig.compiled(12, 2, 3, 4, 10, 7, 8, false);
    }

    /** GPT-2-like: LayerNorm, learned positions, GELU, biases, causal. */
    public static TransformerConfig gpt2() {
        return new TransformerConfig("gpt2", 12, 2, 3, 3, 4, 20, 9, 10, Norm.LAYER_NORM, 1e-5f,
                Activation.GELU_TANH, false, Positions.LEARNED, 0f, true, 0.5f, 0f, 0f, 0, SlidingLayers.NONE, 1f, false);
    }

    /** llama-like: RMSNorm, rotary, SwiGLU, grouped queries. */
    public static TransformerConfig llama() {
        return new TransformerConfig("llama", 16, 2, 4, 2, 4, 24, 11, 16, Norm.RMS_NORM, 1e-5f,
                Activation.SILU, true, Positions.ROPE_HALF, 10000f, true, 0.5f, 0f, 0f, 0, SlidingLayers.NONE, 1f, false);
    }

    /** Gemma-2-like: post-norms, soft-caps, sliding window, embed scale. */
    public static TransformerConfig gemma() {
        return new TransformerConfig("gemma2", 16, 3, 4, 2, 4, 24, 11, 16, Norm.RMS_NORM, 1e-6f,
                Activation.GELU_TANH, true, Positions.ROPE_HALF, 10000f, true, 0.5f, 20f, 3f, 3,
                SlidingLayers.EVEN, 4f, true);
    }

    public static List<TransformerConfig> linearDecomposable() {
        return List.of(compiledLike(), gpt2(), llama());
    }

    public static PlainInterpModel model(TransformerConfig c, long seed) {
        return new PlainInterpModel(c.architecture(), new Transformer(c, weights(c, seed)));
    }

    public static int[] tokens(TransformerConfig c, int n, long seed) {
        Random random = new Random(seed);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = random.nextInt(c.vocabSize());
        return out;
    }

    static TransformerWeights weights(TransformerConfig c, long seed) {
        Random random = new Random(seed);
        boolean biases = c.norm() != Norm.RMS_NORM;
        int q = c.nHeads() * c.dHead(), kv = c.nKvHeads() * c.dHead();
        List<LayerWeights> layers = new ArrayList<>();
        for (int l = 0; l < c.nLayers(); l++) {
            Attention attn = new Attention(matrix(random, q, c.dModel()), vector(random, q, biases),
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
        FloatMatrix posEmbed = c.positions() == Positions.LEARNED ? matrix(random, c.contextLength(), c.dModel()) : null;
        return new TransformerWeights(matrix(random, c.vocabSize(), c.dModel()), posEmbed, layers,
                norm(random, c, c.norm() != Norm.NONE), matrix(random, c.vocabSize(), c.dModel()));
    }

    private static FloatMatrix matrix(Random random, int rows, int cols) {
        float[] data = new float[rows * cols];
        float scale = (float) (1.5 / Math.sqrt(cols));
        for (int i = 0; i < data.length; i++) data[i] = (float) random.nextGaussian() * scale;
        return new FloatMatrix(rows, cols, data);
    }

    private static float[] vector(Random random, int n, boolean present) {
        if (!present) return null;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) random.nextGaussian() * 0.2f;
        return v;
    }

    private static float[] norm(Random random, TransformerConfig c, boolean present) {
        if (!present) return null;
        float[] v = new float[c.dModel()];
        for (int i = 0; i < v.length; i++) v[i] = 1f + (float) random.nextGaussian() * 0.2f;
        return v;
    }
}
