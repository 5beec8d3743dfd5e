package dev.glassbox.model.grad;

import dev.glassbox.model.TransformerConfig.Activation;
import dev.glassbox.model.TransformerConfig.Norm;
import dev.glassbox.model.TransformerConfig.Positions;

/** The forward formula of each op, in double, written from the maths for {@link OpGradientTest}. */
final class DoubleOps {
    private DoubleOps() {}

    static double[] norm(Norm kind, double[] x, float[] w, float eps, int width) {
        double[] y = x.clone();
        if (kind == Norm.NONE) return y;
        for (int off = 0; off < x.length; off += width) {
            double mean = 0;
            if (kind == Norm.LAYER_NORM) {
                for (int k = 0; k < width; k++) mean += x[off + k];
                mean /= width;
            }
            double squares = 0;
            for (int k = 0; k < width; k++) squares += (x[off + k] - mean) * (x[off + k] - mean);
            double r = 1 / Math.sqrt(squares / width + eps);
            for (int k = 0; k < width; k++) y[off + k] = (x[off + k] - mean) * r * w[k];
        }
        return y;
    }

    static double[] softmax(double[] s) {
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (double v : s) max = Math.max(max, v);
        double[] p = new double[s.length];
        for (int j = 0; j < s.length; j++) sum += Math.exp(s[j] - max);
        for (int j = 0; j < s.length; j++) p[j] = Math.exp(s[j] - max) / sum;
        return p;
    }

    static double activation(Activation kind, double x) {
        return switch (kind) {
            case RELU -> Math.max(x, 0);
            case GELU_TANH -> 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
            case SILU -> x / (1 + Math.exp(-x));
        };
    }

    /** Pair i of each head at position p turned by p · theta^(-2i/dHead). */
    static double[] rotate(Positions style, double[] x, int n, int heads, int dHead, double theta) {
        double[] y = x.clone();
        int half = dHead / 2;
        for (int p = 0; p < n; p++) {
            for (int h = 0; h < heads; h++) {
                int base = (p * heads + h) * dHead;
                for (int i = 0; i < half; i++) {
                    double angle = p * Math.pow(theta, -2.0 * i / dHead);
                    int a = base + (style == Positions.ROPE_INTERLEAVED ? 2 * i : i);
                    int b = base + (style == Positions.ROPE_INTERLEAVED ? 2 * i + 1 : i + half);
                    y[a] = x[a] * Math.cos(angle) - x[b] * Math.sin(angle);
                    y[b] = x[a] * Math.sin(angle) + x[b] * Math.cos(angle);
                }
            }
        }
        return y;
    }

    static double dot(float[] a, double[] b) {
        double sum = 0;
        for (int e = 0; e < a.length; e++) sum += a[e] * b[e];
        return sum;
    }
}
