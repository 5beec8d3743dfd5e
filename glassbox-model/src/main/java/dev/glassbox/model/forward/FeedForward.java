package dev.glassbox.model.forward;

import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerWeights.Mlp;
import dev.glassbox.model.hooks.ActiveHooks;
import dev.glassbox.model.hooks.LayerHookNames;
import dev.glassbox.tensor.kernels.Kernels;
import dev.glassbox.tensor.parallel.Parallelism;

/**
 * The MLP sublayer, per position:
 * <pre>
 *   plain:  out = Wout act(Win x + bin) + bout
 *   gated:  out = Wout (act(Wgate x) * (Win x + bin)) + bout      (SwiGLU, GeGLU)
 * </pre>
 * {@code mlp.hook_pre} is the argument of act (the gate's, when gated), {@code mlp.hook_pre_linear} the
 * up-projection of a gated MLP, {@code mlp.hook_post} the vector that Wout reads.
 */
final class FeedForward {
    private final TransformerConfig config;
    private final Kernels kernels;
    private final Parallelism parallel;

    FeedForward(TransformerConfig config, Kernels kernels, Parallelism parallel) {
        this.config = config;
        this.kernels = kernels;
        this.parallel = parallel;
    }

    /** @return the MLP output before any post-norm, [n][dModel] */
    float[] forward(Mlp w, LayerHookNames names, float[] x, int n, ActiveHooks hooks) {
        int dMlp = config.dMlp();
        float[] post;
        if (config.gatedMlp()) {
            float[] gate = hooks.fire(names.mlpPre(), Rows.linear(w.wGate(), null, x, n, parallel), n, dMlp);
            float[] up = hooks.fire(names.mlpPreLinear(), Rows.linear(w.wIn(), w.bIn(), x, n, parallel), n, dMlp);
            post = gate; // act(gate) in place: the hook_pre hooks have had their look
            activate(post);
            for (int i = 0; i < post.length; i++) post[i] *= up[i];
        } else {
            post = hooks.fire(names.mlpPre(), Rows.linear(w.wIn(), w.bIn(), x, n, parallel), n, dMlp);
            activate(post);
        }
        post = hooks.fire(names.mlpPost(), post, n, dMlp);
        return Rows.linear(w.wOut(), w.bOut(), post, n, parallel);
    }

    private void activate(float[] x) {
        switch (config.activation()) {
            case RELU -> kernels.relu(x, 0, x.length);
            case GELU_TANH -> kernels.geluTanh(x, 0, x.length);
            case SILU -> kernels.silu(x, 0, x.length);
        }
    }
}
