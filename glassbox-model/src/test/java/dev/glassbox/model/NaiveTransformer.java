package dev.glassbox.model;

import dev.glassbox.model.TransformerConfig.Norm;
import dev.glassbox.model.TransformerConfig.Positions;
import dev.glassbox.model.TransformerWeights.LayerWeights;
import dev.glassbox.tensor.WeightMatrix;

/**
 * An independent reference forward pass: doubles, one position at a time, weights read element by
 * element, the mask written as a condition on (query, key). Slow and obvious on purpose.
 */
final class NaiveTransformer {
    private final TransformerConfig c;
    private final TransformerWeights w;

    NaiveTransformer(TransformerConfig config, TransformerWeights weights) {
        this.c = config;
        this.w = weights;
    }

    double[][] logits(int[] tokens) {
        int n = tokens.length;
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = new double[c.dModel()];
            for (int d = 0; d < c.dModel(); d++) {
                x[i][d] = c.embedScale() * w.embed().get(tokens[i], d);
                if (c.positions() == Positions.LEARNED) x[i][d] += w.posEmbed().get(i, d);
            }
        }
        for (int l = 0; l < c.nLayers(); l++) {
            LayerWeights lw = w.layers().get(l);
            double[][] attn = attention(l, lw, norm(x, lw.attnNorm()));
            if (c.postNorms()) attn = norm(attn, lw.attnPostNorm());
            x = add(x, attn);
            double[][] mlp = mlp(lw, norm(x, lw.mlpNorm()));
            if (c.postNorms()) mlp = norm(mlp, lw.mlpPostNorm());
            x = add(x, mlp);
        }
        double[][] logits = new double[n][];
        double[][] finalX = norm(x, w.finalNorm());
        for (int i = 0; i < n; i++) {
            logits[i] = apply(w.unembed(), null, finalX[i]);
            if (c.finalSoftcap() > 0) {
                for (int t = 0; t < logits[i].length; t++) {
                    logits[i][t] = c.finalSoftcap() * Math.tanh(logits[i][t] / c.finalSoftcap());
                }
            }
        }
        return logits;
    }

    private boolean visible(int layer, int query, int key) {
        if (c.causal() && key > query) return false;
        if (c.isSliding(layer) && query - key >= c.slidingWindow()) return false;
        return true;
    }

    private double[][] attention(int layer, LayerWeights lw, double[][] x) {
        int n = x.length, dh = c.dHead();
        var a = lw.attn();
        double[][] q = new double[n][], k = new double[n][], v = new double[n][];
        for (int i = 0; i < n; i++) {
            q[i] = rotate(apply(a.wq(), a.bq(), x[i]), i);
            k[i] = rotate(apply(a.wk(), a.bk(), x[i]), i);
            v[i] = apply(a.wv(), a.bv(), x[i]);
        }
        double[][] concat = new double[n][c.nHeads() * dh];
        for (int h = 0; h < c.nHeads(); h++) {
            int g = h * c.nKvHeads() / c.nHeads();
            for (int i = 0; i < n; i++) {
                double[] weights = new double[n];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    if (!visible(layer, i, j)) continue;
                    double s = 0;
                    for (int d = 0; d < dh; d++) s += q[i][h * dh + d] * k[j][g * dh + d];
                    s *= c.attnScale();
                    if (c.attnSoftcap() > 0) s = c.attnSoftcap() * Math.tanh(s / c.attnSoftcap());
                    weights[j] = s;
                    max = Math.max(max, s);
                }
                double total = 0;
                for (int j = 0; j < n; j++) {
                    weights[j] = visible(layer, i, j) ? Math.exp(weights[j] - max) : 0;
                    total += weights[j];
                }
                for (int j = 0; j < n; j++) {
                    for (int d = 0; d < dh; d++) concat[i][h * dh + d] += weights[j] / total * v[j][g * dh + d];
                }
            }
        }
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) out[i] = apply(a.wo(), a.bo(), concat[i]);
        return out;
    }

    /** Rotary embedding on every head of a q or k vector at position pos. */
    private double[] rotate(double[] vec, int pos) {
        if (c.positions() != Positions.ROPE_HALF && c.positions() != Positions.ROPE_INTERLEAVED) return vec;
        int dh = c.dHead();
        double[] out = vec.clone();
        for (int base = 0; base < vec.length; base += dh) {
            for (int i = 0; i < dh / 2; i++) {
                double theta = pos / Math.pow(c.ropeTheta(), (2.0 * i) / dh);
                int first = c.positions() == Positions.ROPE_HALF ? base + i : base + 2 * i;
                int second = c.positions() == Positions.ROPE_HALF ? base + i + dh / 2 : base + 2 * i + 1;
                out[first] = vec[first] * Math.cos(theta) - vec[second] * Math.sin(theta);
                out[second] = vec[second] * Math.cos(theta) + vec[first] * Math.sin(theta);
            }
        }
        return out;
    }

    private double[][] mlp(LayerWeights lw, double[][] x) {
        var m = lw.mlp();
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double[] hidden = apply(m.wIn(), m.bIn(), x[i]);
            if (c.gatedMlp()) {
                double[] gate = apply(m.wGate(), null, x[i]);
                for (int u = 0; u < hidden.length; u++) hidden[u] *= act(gate[u]);
            } else {
                for (int u = 0; u < hidden.length; u++) hidden[u] = act(hidden[u]);
            }
            out[i] = apply(m.wOut(), m.bOut(), hidden);
        }
        return out;
    }

    private double act(double x) {
        return switch (c.activation()) {
            case RELU -> x > 0 ? x : 0;
            case SILU -> x / (1 + Math.exp(-x));
            case GELU_TANH -> 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
        };
    }

    private double[][] norm(double[][] x, float[] weight) {
        if (c.norm() == Norm.NONE) return x;
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            int d = x[i].length;
            double mean = 0;
            if (c.norm() == Norm.LAYER_NORM) {
                for (double value : x[i]) mean += value / d;
            }
            double meanSquare = 0;
            for (double value : x[i]) meanSquare += (value - mean) * (value - mean) / d;
            out[i] = new double[d];
            for (int j = 0; j < d; j++) out[i][j] = (x[i][j] - mean) / Math.sqrt(meanSquare + c.normEps()) * weight[j];
        }
        return out;
    }

    private static double[] apply(WeightMatrix m, float[] bias, double[] x) {
        double[] y = new double[m.rows()];
        for (int r = 0; r < m.rows(); r++) {
            double sum = bias == null ? 0 : bias[r];
            for (int col = 0; col < m.cols(); col++) sum += m.get(r, col) * x[col];
            y[r] = sum;
        }
        return y;
    }

    private static double[][] add(double[][] a, double[][] b) {
        double[][] out = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) out[i][j] = a[i][j] + b[i][j];
        }
        return out;
    }
}
