package dev.glassbox.model.forward;

import dev.glassbox.model.TransformerConfig.Norm;
import dev.glassbox.model.hooks.ActiveHooks;
import dev.glassbox.tensor.kernels.Kernels;

/**
 * The configured norm, row by row over [n][dModel]: RMSNorm x / sqrt(mean(x^2) + eps) * w, or
 * LayerNorm (x - mean) / sqrt(var + eps) * w, or nothing.
 */
final class Normalization {
    private final Norm kind;
    private final float eps;
    private final int width;
    private final Kernels kernels;

    Normalization(Norm kind, float eps, int width, Kernels kernels) {
        this.kind = kind;
        this.eps = eps;
        this.width = width;
        this.kernels = kernels;
    }

    /**
     * The normalized input of a sublayer, passed through the hook {@code hookName}. Without a norm it is
     * {@code x} itself, copied only when a hook could change it.
     */
    float[] normalize(float[] x, int n, float[] weight, String hookName, ActiveHooks hooks) {
        float[] out;
        if (kind == Norm.NONE) {
            out = hooks.wants(hookName) ? x.clone() : x;
        } else {
            out = new float[n * width];
            applyRows(x, weight, out, n);
        }
        return hooks.fire(hookName, out, n, width);
    }

    /** Normalizes {@code x} in place (Gemma 2's post-norms). */
    void normalizeInPlace(float[] x, int n, float[] weight) {
        applyRows(x, weight, x, n);
    }

    private void applyRows(float[] x, float[] weight, float[] out, int n) {
        for (int r = 0; r < n; r++) {
            int off = r * width;
            switch (kind) {
                case RMS_NORM -> kernels.rmsNorm(x, off, weight, eps, out, off, width);
                case LAYER_NORM -> kernels.layerNorm(x, off, weight, eps, out, off, width);
                case NONE -> System.arraycopy(x, off, out, off, width);
            }
        }
    }
}
