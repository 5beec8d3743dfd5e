package dev.glassbox.model.grad;

import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerConfig.Norm;
import dev.glassbox.model.TransformerConfig.Positions;
import dev.glassbox.model.TransformerWeights;
import dev.glassbox.model.TransformerWeights.Attention;
import dev.glassbox.model.TransformerWeights.LayerWeights;
import dev.glassbox.model.TransformerWeights.Mlp;
import dev.glassbox.model.hooks.HookNames;
import dev.glassbox.model.hooks.LayerHookNames;
import dev.glassbox.tensor.WeightMatrix;

/**
 * The oracle of the gradient checks: an independent forward pass in double precision, weights read
 * element by element, every hook point laid out as the runtime lays it out ([pos][head][dHead],
 * [head][query][key], ...) and open to one additive nudge. Central differences through it are accurate
 * to about 1e-10, so they check the float backward pass to its own rounding.
 */
final class DoubleForward {
    /** Adds {@code delta} (the hook point's layout) to the activation at {@code name}. */
    record Nudge(String name, double[] delta) {}

    private final TransformerConfig c;
    private final TransformerWeights w;
    private final HookNames names;

    DoubleForward(TransformerConfig config, TransformerWeights weights) {
        this.c = config;
        this.w = weights;
        this.names = HookNames.of(config.nLayers(), config.gatedMlp());
    }

    /** Logits [pos][outputs] with the nudge applied (null for none). */
    double[][] logits(int[] tokens, Nudge nudge) {
        int n = tokens.length, d = c.dModel();
        double[] x = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) x[i * d + k] = c.embedScale() * (double) w.embed().get(tokens[i], k);
        }
        nudge(HookNames.EMBED, x, nudge);
        double[] positions = new double[n * d];
        if (c.positions() == Positions.LEARNED) {
            for (int i = 0; i < n; i++) for (int k = 0; k < d; k++) positions[i * d + k] = w.posEmbed().get(i, k);
        }
        nudge(HookNames.POS_EMBED, positions, nudge);
        for (int e = 0; e < x.length; e++) x[e] += positions[e];

        for (int l = 0; l < c.nLayers(); l++) {
            LayerWeights lw = w.layers().get(l);
            LayerHookNames at = names.layer(l);
            nudge(at.residPre(), x, nudge);
            double[] a = attention(l, lw.attn(), at, nudge(at.ln1Normalized(), norm(x, lw.attnNorm(), n), nudge), n, nudge);
            if (c.postNorms()) a = norm(a, lw.attnPostNorm(), n);
            nudge(at.attnOut(), a, nudge);
            x = add(x, a);
            nudge(at.residMid(), x, nudge);
            double[] m = mlp(lw.mlp(), at, nudge(at.ln2Normalized(), norm(x, lw.mlpNorm(), n), nudge), n, nudge);
            if (c.postNorms()) m = norm(m, lw.mlpPostNorm(), n);
            nudge(at.mlpOut(), m, nudge);
            x = add(x, m);
            nudge(at.residPost(), x, nudge);
        }
        double[] y = nudge(HookNames.FINAL_NORMALIZED, norm(x, w.finalNorm(), n), nudge);
        double[] flat = linear(w.unembed(), null, y, n);
        int outputs = w.unembed().rows();
        double[][] logits = new double[n][outputs];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < outputs; t++) {
                double v = flat[i * outputs + t];
                logits[i][t] = c.finalSoftcap() > 0 ? c.finalSoftcap() * Math.tanh(v / c.finalSoftcap()) : v;
            }
        }
        return logits;
    }

    private double[] attention(int layer, Attention a, LayerHookNames at, double[] x, int n, Nudge nudge) {
        int h = c.nHeads(), kvh = c.nKvHeads(), dh = c.dHead();
        double[] q = nudge(at.q(), linear(a.wq(), a.bq(), x, n), nudge);
        double[] k = nudge(at.k(), linear(a.wk(), a.bk(), x, n), nudge);
        double[] v = nudge(at.v(), linear(a.wv(), a.bv(), x, n), nudge);
        q = nudge(at.rotQ(), rotate(q, n, h), nudge);
        k = nudge(at.rotK(), rotate(k, n, kvh), nudge);
        double[] s = new double[h * n * n];
        for (int head = 0; head < h; head++) {
            int g = head / c.groupSize();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double score = Double.NEGATIVE_INFINITY;
                    if (visible(layer, i, j)) {
                        score = 0;
                        for (int e = 0; e < dh; e++) score += q[(i * h + head) * dh + e] * k[(j * kvh + g) * dh + e];
                        score *= c.attnScale();
                        if (c.attnSoftcap() > 0) score = c.attnSoftcap() * Math.tanh(score / c.attnSoftcap());
                    }
                    s[(head * n + i) * n + j] = score;
                }
            }
        }
        s = nudge(at.attnScores(), s, nudge);
        double[] p = new double[s.length];
        for (int row = 0; row < h * n; row++) softmax(s, p, row * n, n);
        p = nudge(at.pattern(), p, nudge);
        double[] z = new double[n * h * dh];
        for (int head = 0; head < h; head++) {
            int g = head / c.groupSize();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    for (int e = 0; e < dh; e++) z[(i * h + head) * dh + e] += p[(head * n + i) * n + j] * v[(j * kvh + g) * dh + e];
                }
            }
        }
        z = nudge(at.z(), z, nudge);
        int d = c.dModel();
        double[] result = new double[n * h * d];
        for (int i = 0; i < n; i++) {
            for (int head = 0; head < h; head++) {
                for (int r = 0; r < d; r++) {
                    double sum = 0;
                    for (int e = 0; e < dh; e++) sum += a.wo().get(r, head * dh + e) * z[(i * h + head) * dh + e];
                    result[(i * h + head) * d + r] = sum;
                }
            }
        }
        result = nudge(at.result(), result, nudge);
        double[] out = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < d; r++) {
                double sum = a.bo() == null ? 0 : a.bo()[r];
                for (int head = 0; head < h; head++) sum += result[(i * h + head) * d + r];
                out[i * d + r] = sum;
            }
        }
        return out;
    }

    private double[] mlp(Mlp m, LayerHookNames at, double[] x, int n, Nudge nudge) {
        double[] post;
        if (c.gatedMlp()) {
            double[] gate = nudge(at.mlpPre(), linear(m.wGate(), null, x, n), nudge);
            double[] up = nudge(at.mlpPreLinear(), linear(m.wIn(), m.bIn(), x, n), nudge);
            post = new double[gate.length];
            for (int e = 0; e < post.length; e++) post[e] = activation(gate[e]) * up[e];
        } else {
            double[] pre = nudge(at.mlpPre(), linear(m.wIn(), m.bIn(), x, n), nudge);
            post = new double[pre.length];
            for (int e = 0; e < post.length; e++) post[e] = activation(pre[e]);
        }
        post = nudge(at.mlpPost(), post, nudge);
        return linear(m.wOut(), m.bOut(), post, n);
    }

    private boolean visible(int layer, int query, int key) {
        if (c.causal() && key > query) return false;
        return !(c.isSliding(layer) && query - key >= c.slidingWindow());
    }

    private double[] rotate(double[] x, int n, int heads) {
        if (c.positions() != Positions.ROPE_HALF && c.positions() != Positions.ROPE_INTERLEAVED) return x.clone();
        int dh = c.dHead(), half = dh / 2;
        double[] out = x.clone();
        for (int pos = 0; pos < n; pos++) {
            for (int head = 0; head < heads; head++) {
                int base = (pos * heads + head) * dh;
                for (int i = 0; i < half; i++) {
                    double angle = pos * Math.pow(c.ropeTheta(), -2.0 * i / dh);
                    int ia = base + (c.positions() == Positions.ROPE_INTERLEAVED ? 2 * i : i);
                    int ib = base + (c.positions() == Positions.ROPE_INTERLEAVED ? 2 * i + 1 : i + half);
                    out[ia] = x[ia] * Math.cos(angle) - x[ib] * Math.sin(angle);
                    out[ib] = x[ia] * Math.sin(angle) + x[ib] * Math.cos(angle);
                }
            }
        }
        return out;
    }

    private static void softmax(double[] s, double[] p, int off, int count) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < count; j++) max = Math.max(max, s[off + j]);
        if (max == Double.NEGATIVE_INFINITY) return;
        double sum = 0;
        for (int j = 0; j < count; j++) sum += Math.exp(s[off + j] - max);
        for (int j = 0; j < count; j++) p[off + j] = Math.exp(s[off + j] - max) / sum;
    }

    private double activation(double x) {
        return switch (c.activation()) {
            case RELU -> Math.max(x, 0);
            case GELU_TANH -> 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
            case SILU -> x / (1 + Math.exp(-x));
        };
    }

    private double[] norm(double[] x, float[] weight, int n) {
        if (c.norm() == Norm.NONE) return x.clone();
        int d = c.dModel();
        double[] out = new double[x.length];
        for (int i = 0; i < n; i++) {
            double mean = 0;
            if (c.norm() == Norm.LAYER_NORM) {
                for (int k = 0; k < d; k++) mean += x[i * d + k];
                mean /= d;
            }
            double squares = 0;
            for (int k = 0; k < d; k++) squares += (x[i * d + k] - mean) * (x[i * d + k] - mean);
            double r = 1 / Math.sqrt(squares / d + c.normEps());
            for (int k = 0; k < d; k++) out[i * d + k] = (x[i * d + k] - mean) * r * weight[k];
        }
        return out;
    }

    private static double[] linear(WeightMatrix m, float[] bias, double[] x, int n) {
        double[] y = new double[n * m.rows()];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < m.rows(); r++) {
                double sum = bias == null ? 0 : bias[r];
                for (int k = 0; k < m.cols(); k++) sum += m.get(r, k) * x[i * m.cols() + k];
                y[i * m.rows() + r] = sum;
            }
        }
        return y;
    }

    private static double[] add(double[] a, double[] b) {
        double[] out = a.clone();
        for (int e = 0; e < out.length; e++) out[e] += b[e];
        return out;
    }

    /** Applies the nudge when it is for this point; returns the (same) array for chaining. */
    private static double[] nudge(String name, double[] values, Nudge nudge) {
        if (nudge != null && nudge.name().equals(name)) {
            if (nudge.delta().length != values.length) {
                throw new IllegalArgumentException(name + " has " + values.length + " values, the nudge " + nudge.delta().length);
            }
            for (int e = 0; e < values.length; e++) values[e] += nudge.delta()[e];
        }
        return values;
    }
}
