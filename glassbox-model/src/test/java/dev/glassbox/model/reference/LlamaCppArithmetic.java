package dev.glassbox.model.reference;

import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerConfig.Activation;
import dev.glassbox.model.TransformerWeights;
import dev.glassbox.model.TransformerWeights.Attention;
import dev.glassbox.model.TransformerWeights.LayerWeights;
import dev.glassbox.model.TransformerWeights.Mlp;
import dev.glassbox.model.hooks.HookRegistry;
import dev.glassbox.tensor.WeightMatrix;
import dev.glassbox.tensor.quant.QuantizedMatrix;
import java.util.ArrayList;
import java.util.List;

/**
 * Glassbox's forward pass with llama.cpp's CPU roundings put back in: the evidence that they, and nothing
 * else, make the two disagree. Two roundings matter (with the key/value cache in F32, as the comparison runs
 * llama.cpp):
 * <ol>
 *   <li>matrix products read their input rounded to the weights' {@code vec_dot_type}
 *       ({@link ActivationRounding}, through {@link RoundedInputMatrix});
 *   <li>GELU (Gemma 2's GeGLU) is looked up in a table indexed by the half-precision input and holding
 *       half-precision outputs ({@code GGML_GELU_FP16}, ggml-cpu's default): {@code gelu(x) ·  up} becomes
 *       {@code half(gelu(half(x))) · up}, exactly for |x| &lt; 10 (0 below -10, x above 10). Put in with hooks
 *       on {@code mlp.hook_pre}, {@code mlp.hook_pre_linear} and {@code mlp.hook_post}.
 * </ol>
 */
final class LlamaCppArithmetic {
    private LlamaCppArithmetic() {}

    /** The logits of {@code tokens} under {@code model} (a GGUF model's matrices) with llama.cpp's roundings. */
    static float[][] forward(Transformer model, int[] tokens) {
        TransformerConfig config = model.config();
        Transformer rounded = new Transformer(config, rounded(model.weights()));
        HookRegistry hooks = rounded.newHooks();
        if (config.activation() == Activation.GELU_TANH) {
            for (int l = 0; l < config.nLayers(); l++) tableGelu(hooks, "blocks." + l + ".mlp.");
        }
        return rounded.forward(tokens, hooks);
    }

    private static TransformerWeights rounded(TransformerWeights w) {
        List<LayerWeights> layers = new ArrayList<>();
        for (LayerWeights l : w.layers()) {
            Attention a = l.attn();
            Mlp m = l.mlp();
            layers.add(new LayerWeights(l.attnNorm(),
                    new Attention(r(a.wq()), a.bq(), r(a.wk()), a.bk(), r(a.wv()), a.bv(), r(a.wo()), a.bo()),
                    l.attnPostNorm(), l.mlpNorm(),
                    new Mlp(r(m.wIn()), m.bIn(), m.wGate() == null ? null : r(m.wGate()), r(m.wOut()), m.bOut()),
                    l.mlpPostNorm()));
        }
        return new TransformerWeights(w.embed(), w.posEmbed(), layers, w.finalNorm(), r(w.unembed()));
    }

    /** A GGUF matrix (a {@link QuantizedMatrix}, F32 included) rounding its inputs for its own type. */
    private static WeightMatrix r(WeightMatrix m) {
        if (!(m instanceof QuantizedMatrix q)) throw new IllegalArgumentException("not a GGUF matrix: " + m.getClass());
        return new RoundedInputMatrix(m, q.type());
    }

    /** Replaces act(gate) · up at hook_post by ggml's table GELU of the gate, times up. */
    private static void tableGelu(HookRegistry hooks, String prefix) {
        float[][] gate = new float[1][], up = new float[1][];
        hooks.add(prefix + "hook_pre", (a, name) -> {
            gate[0] = a.data().clone();
            return a;
        });
        hooks.add(prefix + "hook_pre_linear", (a, name) -> {
            up[0] = a.data().clone();
            return a;
        });
        hooks.add(prefix + "hook_post", (a, name) -> {
            float[] post = a.data();
            for (int i = 0; i < post.length; i++) post[i] = tableGelu(gate[0][i]) * up[0][i];
            return a;
        });
    }

    /** ggml's {@code ggml_vec_geglu_f32} without the factor: the half-precision table of gelu_f32. */
    static float tableGelu(float x) {
        if (x <= -10f) return 0f;
        if (x >= 10f) return x;
        float h = Float.float16ToFloat(Float.floatToFloat16(x));
        return Float.float16ToFloat(Float.floatToFloat16(geluF32(h)));
    }

    /** ggml's {@code ggml_gelu_f32}, in float. */
    private static float geluF32(float x) {
        final float sqrt2OverPi = 0.79788456080286535587989211986876f, coefA = 0.044715f;
        return 0.5f * x * (1.0f + (float) Math.tanh(sqrt2OverPi * x * (1.0f + coefA * x * x)));
    }
}
