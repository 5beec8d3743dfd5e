package dev.glassbox.interp.cache;

import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerConfig.Norm;

/**
 * The final norm as a per-position scale and a linear map, so that it can be applied to a part of the
 * residual stream with the scale of the whole (TransformerLens's {@code apply_ln_to_stack}):
 * <pre>
 *   RMSNorm:    s = sqrt(mean(x^2) + eps)          norm(x) = w * x / s
 *   LayerNorm:  s = sqrt(var(x) + eps)             norm(x) = w * (x - mean(x)) / s
 *   none:       s = 1                              norm(x) = x
 * </pre>
 * With s held fixed, norm is linear in x, so the parts of a residual stream map to parts of the logits.
 */
public final class FinalNorm {
    private final Norm kind;
    private final float eps;
    private final float[] weight;
    private final int width;

    public FinalNorm(Transformer model) {
        TransformerConfig c = model.config();
        this.kind = c.norm();
        this.eps = c.normEps();
        this.weight = model.weights().finalNorm();
        this.width = c.dModel();
    }

    /** s for the row of {@code x} at {@code off}. */
    public double scale(float[] x, int off) {
        if (kind == Norm.NONE) return 1.0;
        double mean = 0;
        if (kind == Norm.LAYER_NORM) {
            for (int i = 0; i < width; i++) mean += x[off + i];
            mean /= width;
        }
        double squares = 0;
        for (int i = 0; i < width; i++) {
            double d = x[off + i] - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / width + eps);
    }

    /** norm(x) with the given s, written to out[outOff..]. */
    public void apply(float[] x, int off, double scale, float[] out, int outOff) {
        double mean = 0;
        if (kind == Norm.LAYER_NORM) {
            for (int i = 0; i < width; i++) mean += x[off + i];
            mean /= width;
        }
        for (int i = 0; i < width; i++) {
            double w = weight == null ? 1.0 : weight[i];
            out[outOff + i] = (float) ((x[off + i] - mean) / scale * w);
        }
    }

    /**
     * The residual direction e with e . x = u . norm(x) for every x, at scale s: e = w * u / s, then
     * centred (minus its mean) for LayerNorm, since (x - mean(x)) . v = x . (v - mean(v)).
     */
    public double[] pullBack(double[] u, double scale) {
        double[] e = new double[width];
        double mean = 0;
        for (int i = 0; i < width; i++) {
            e[i] = (weight == null ? 1.0 : weight[i]) * u[i] / scale;
            mean += e[i];
        }
        if (kind == Norm.LAYER_NORM) {
            mean /= width;
            for (int i = 0; i < width; i++) e[i] -= mean;
        }
        return e;
    }
}
