package dev.glassbox.model.grad;

import dev.glassbox.model.TransformerConfig.Norm;

/**
 * The backward of the configured norm, row by row over [n][width]: given the input x of the forward
 * and dy = ∂m/∂y, returns dx = ∂m/∂x. Per row, in double:
 * <pre>
 *   RMSNorm    y = x r w,        r = (mean(x²) + eps)^(-1/2)
 *              dx_j = r w_j dy_j − (r³/d) x_j Σ_k w_k dy_k x_k
 *   LayerNorm  y = x̂ w,  x̂ = (x − mean x) r,  r = (var x + eps)^(-1/2)     (no bias: it has no gradient path)
 *              g = w ⊙ dy;   dx = r (g − mean(g) − x̂ mean(g ⊙ x̂))
 *   none       dx = dy
 * </pre>
 */
final class NormBackward {
    private final Norm kind;
    private final double eps;
    private final int width;

    NormBackward(Norm kind, float eps, int width) {
        this.kind = kind;
        this.eps = eps;
        this.width = width;
    }

    /** A new array dx [n][width]. */
    float[] backward(float[] x, float[] weight, float[] dy, int n) {
        float[] dx = new float[n * width];
        for (int row = 0; row < n; row++) {
            int off = row * width;
            switch (kind) {
                case RMS_NORM -> rms(x, weight, dy, dx, off);
                case LAYER_NORM -> layer(x, weight, dy, dx, off);
                case NONE -> System.arraycopy(dy, off, dx, off, width);
            }
        }
        return dx;
    }

    private void rms(float[] x, float[] w, float[] dy, float[] dx, int off) {
        double sumSquares = 0, projection = 0;
        for (int k = 0; k < width; k++) {
            double xk = x[off + k];
            sumSquares += xk * xk;
            projection += w[k] * (double) dy[off + k] * xk;
        }
        double r = 1 / Math.sqrt(sumSquares / width + eps);
        double c = r * r * r / width * projection;
        for (int j = 0; j < width; j++) {
            dx[off + j] = (float) (r * w[j] * dy[off + j] - c * x[off + j]);
        }
    }

    private void layer(float[] x, float[] w, float[] dy, float[] dx, int off) {
        double mean = 0;
        for (int k = 0; k < width; k++) mean += x[off + k];
        mean /= width;
        double variance = 0;
        for (int k = 0; k < width; k++) {
            double c = x[off + k] - mean;
            variance += c * c;
        }
        double r = 1 / Math.sqrt(variance / width + eps);
        double meanG = 0, meanGXhat = 0;
        for (int k = 0; k < width; k++) {
            double g = w[k] * (double) dy[off + k];
            meanG += g;
            meanGXhat += g * (x[off + k] - mean) * r;
        }
        meanG /= width;
        meanGXhat /= width;
        for (int j = 0; j < width; j++) {
            double xHat = (x[off + j] - mean) * r;
            dx[off + j] = (float) (r * (w[j] * (double) dy[off + j] - meanG - xHat * meanGXhat));
        }
    }
}
