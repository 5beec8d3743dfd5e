package dev.glassbox.model.grad;

import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerWeights.Mlp;
import dev.glassbox.model.hooks.LayerHookNames;
import dev.glassbox.tensor.kernels.Kernels;

/**
 * Backward of one MLP sublayer, from ∂m/∂hook_mlp_out to ∂m/∂ln2.hook_normalized. Forward, per position:
 * <pre>
 *   plain:  u = Win x + bin (hook_pre);  h = f(u)                                    (hook_post)
 *   gated:  u = Wgate x (hook_pre);  w = Win x + bin (hook_pre_linear);  h = f(u) ⊙ w (hook_post)
 *   o = Wout h + bout;  out = postNorm(o)                                            (hook_mlp_out)
 * </pre>
 * Backward:
 * <pre>
 *   do = postNormᵀ(dout);  dh = Woutᵀ do
 *   plain:  du = f'(u) ⊙ dh;                          dx = Winᵀ du
 *   gated:  du = f'(u) ⊙ w ⊙ dh;  dw = f(u) ⊙ dh;     dx = Wgateᵀ du + Winᵀ dw
 * </pre>
 */
final class MlpBackward {
    private final TransformerConfig config;
    private final Kernels kernels;
    private final NormBackward norm;

    MlpBackward(TransformerConfig config, Kernels kernels, NormBackward norm) {
        this.config = config;
        this.kernels = kernels;
        this.norm = norm;
    }

    /** @return ∂m/∂ln2.hook_normalized, [n][dModel] */
    float[] backward(Mlp w, float[] postNorm, LayerHookNames at, ForwardRecord fwd, float[] dOut, int n,
            GradientSink sink) {
        int dMlp = config.dMlp(), dModel = config.dModel();
        float[] dO = config.postNorms() ? norm.backward(beforePostNorm(w, fwd.get(at.mlpPost()), n), postNorm, dOut, n) : dOut;
        float[] dh = Transposed.times(w.wOut(), dO, n, kernels);
        sink.put(at.mlpPost(), dh, n, dMlp);

        float[] u = fwd.get(at.mlpPre());
        float[] du = new float[u.length];
        float[] dx;
        if (config.gatedMlp()) {
            float[] up = fwd.get(at.mlpPreLinear());
            float[] fu = ActivationDerivative.apply(config.activation(), u, kernels);
            float[] dw = new float[u.length];
            for (int e = 0; e < u.length; e++) {
                du[e] = (float) (ActivationDerivative.derivative(config.activation(), u[e]) * up[e] * dh[e]);
                dw[e] = fu[e] * dh[e];
            }
            sink.put(at.mlpPre(), du, n, dMlp);
            sink.put(at.mlpPreLinear(), dw, n, dMlp);
            dx = Transposed.times(w.wGate(), du, n, kernels);
            Transposed.accumulate(w.wIn(), dw, n, dx, kernels);
        } else {
            for (int e = 0; e < u.length; e++) {
                du[e] = (float) (ActivationDerivative.derivative(config.activation(), u[e]) * dh[e]);
            }
            sink.put(at.mlpPre(), du, n, dMlp);
            dx = Transposed.times(w.wIn(), du, n, kernels);
        }
        sink.put(at.ln2Normalized(), dx, n, dModel);
        return dx;
    }

    /** o = Wout h + bout, the input of the post-norm, recomputed from hook_post (one matrix product). */
    private float[] beforePostNorm(Mlp w, float[] h, int n) {
        int dModel = config.dModel();
        float[] o = new float[n * dModel];
        w.wOut().matMul(h, 0, n, o, 0);
        if (w.bOut() != null) {
            for (int i = 0; i < n; i++) kernels.axpy(1f, w.bOut(), 0, o, i * dModel, dModel);
        }
        return o;
    }
}
