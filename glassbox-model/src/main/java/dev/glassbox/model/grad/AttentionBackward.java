package dev.glassbox.model.grad;

import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerWeights.Attention;
import dev.glassbox.model.hooks.LayerHookNames;
import dev.glassbox.tensor.kernels.Kernels;

/**
 * Backward of one attention sublayer, from ∂m/∂hook_attn_out to ∂m/∂ln1.hook_normalized, leaving every
 * attention hook point's gradient on the way. Forward (head h, its key/value head g, query i, key j):
 * <pre>
 *   q = Wq x + bq, k = Wk x + bk, v = Wv x + bv          hook_q, hook_k, hook_v
 *   q̃ = R q, k̃ = R k                                      hook_rot_q, hook_rot_k (R = rotary or identity)
 *   s_ij = cap(scale q̃_hi · k̃_gj), −inf if masked        hook_attn_scores
 *   p_ij = softmax_j s_ij                                 hook_pattern
 *   z_hi = Σ_j p_ij v_gj                                  hook_z
 *   r_hi = Wo_h z_hi                                      hook_result
 *   a_i = Σ_h r_hi + bo;  out_i = postNorm(a_i)           hook_attn_out
 * </pre>
 * Backward, each line the chain rule of the line above it:
 * <pre>
 *   da = postNormᵀ(dout)            dr_hi = da_i (every head)        dz = Woᵀ da
 *   dp_ij = dz_hi · v_gj            dv_gj = Σ_{h∈g} Σ_i p_ij dz_hi
 *   ds_ij = p_ij (dp_ij − Σ_k p_ik dp_ik)
 *   du_ij = ds_ij (1 − (s_ij/c)²)   (u = the score before the cap)
 *   dq̃_hi = scale Σ_j du_ij k̃_gj   dk̃_gj = scale Σ_{h∈g} Σ_i du_ij q̃_hi
 *   dq = Rᵀ dq̃, dk = Rᵀ dk̃         dx = Wqᵀ dq + Wkᵀ dk + Wvᵀ dv
 * </pre>
 * dp is given for masked keys too: the pattern hook mixes every key, so changing a masked entry there
 * does change z. A masked score has no gradient (it stays −inf).
 */
final class AttentionBackward {
    private final TransformerConfig config;
    private final Kernels kernels;
    private final NormBackward norm;
    private final RotaryBackward rotary;
    private final int nHeads, nKvHeads, dHead, dModel, groupSize;

    AttentionBackward(TransformerConfig config, Kernels kernels, NormBackward norm) {
        this.config = config;
        this.kernels = kernels;
        this.norm = norm;
        this.nHeads = config.nHeads();
        this.nKvHeads = config.nKvHeads();
        this.dHead = config.dHead();
        this.dModel = config.dModel();
        this.groupSize = config.groupSize();
        this.rotary = switch (config.positions()) {
            case ROPE_INTERLEAVED, ROPE_HALF -> new RotaryBackward(config.positions(), dHead, config.ropeTheta());
            case LEARNED, NONE -> null;
        };
    }

    /** @return ∂m/∂ln1.hook_normalized, [n][dModel] */
    float[] backward(Attention w, float[] postNorm, LayerHookNames at, ForwardRecord fwd, float[] dOut, int n,
            GradientSink sink) {
        float[] da = config.postNorms() ? norm.backward(beforePostNorm(w, fwd.get(at.result()), n), postNorm, dOut, n) : dOut;
        if (sink.wants(at.result())) sink.put(at.result(), perHead(da, n), n, nHeads, dModel);

        float[] dz = Transposed.times(w.wo(), da, n, kernels);
        sink.put(at.z(), dz, n, nHeads, dHead);

        float[] q = fwd.get(at.rotQ()), k = fwd.get(at.rotK()), v = fwd.get(at.v()), p = fwd.get(at.pattern());
        float[] scores = config.attnSoftcap() > 0 ? fwd.get(at.attnScores()) : null;
        float[] dp = new float[nHeads * n * n], ds = new float[nHeads * n * n];
        float[] dq = new float[q.length], dk = new float[k.length], dv = new float[v.length];
        float scale = config.attnScale(), cap = config.attnSoftcap();
        for (int h = 0; h < nHeads; h++) {
            int g = h / groupSize;
            for (int i = 0; i < n; i++) {
                int row = (h * n + i) * n, zOff = (i * nHeads + h) * dHead;
                for (int j = 0; j < n; j++) {
                    int kvOff = (j * nKvHeads + g) * dHead;
                    dp[row + j] = kernels.dot(dz, zOff, v, kvOff, dHead);               // dp_ij = dz_hi · v_gj
                    if (p[row + j] != 0f) kernels.axpy(p[row + j], dz, zOff, dv, kvOff, dHead); // dv_gj += p_ij dz_hi
                }
                Softmax.backward(p, dp, ds, row, n);
                for (int j = 0; j < n; j++) {
                    float du = ds[row + j];
                    if (du == 0f) continue;
                    if (cap > 0) du *= Softcap.derivative(scores[row + j], cap);
                    int kvOff = (j * nKvHeads + g) * dHead;
                    kernels.axpy(scale * du, k, kvOff, dq, zOff, dHead);                // dq̃_hi += scale du_ij k̃_gj
                    kernels.axpy(scale * du, q, zOff, dk, kvOff, dHead);                // dk̃_gj += scale du_ij q̃_hi
                }
            }
        }
        sink.put(at.pattern(), dp, nHeads, n, n);
        sink.put(at.attnScores(), ds, nHeads, n, n);
        sink.put(at.v(), dv, n, nKvHeads, dHead);
        sink.put(at.rotQ(), dq, n, nHeads, dHead);
        sink.put(at.rotK(), dk, n, nKvHeads, dHead);
        if (rotary != null) {
            rotary.backward(dq, n, nHeads);
            rotary.backward(dk, n, nKvHeads);
        }
        sink.put(at.q(), dq, n, nHeads, dHead);
        sink.put(at.k(), dk, n, nKvHeads, dHead);

        float[] dx = Transposed.times(w.wq(), dq, n, kernels);
        Transposed.accumulate(w.wk(), dk, n, dx, kernels);
        Transposed.accumulate(w.wv(), dv, n, dx, kernels);
        sink.put(at.ln1Normalized(), dx, n, dModel);
        return dx;
    }

    /** a_i = Σ_h r_hi + bo, the input of the post-norm, rebuilt from hook_result. */
    private float[] beforePostNorm(Attention w, float[] result, int n) {
        float[] a = new float[n * dModel];
        for (int i = 0; i < n; i++) {
            for (int h = 0; h < nHeads; h++) kernels.axpy(1f, result, (i * nHeads + h) * dModel, a, i * dModel, dModel);
            if (w.bo() != null) kernels.axpy(1f, w.bo(), 0, a, i * dModel, dModel);
        }
        return a;
    }

    /** dr_hi = da_i: each head's share enters the sum with coefficient 1. */
    private float[] perHead(float[] da, int n) {
        float[] dr = new float[n * nHeads * dModel];
        for (int i = 0; i < n; i++) {
            for (int h = 0; h < nHeads; h++) System.arraycopy(da, i * dModel, dr, (i * nHeads + h) * dModel, dModel);
        }
        return dr;
    }
}
