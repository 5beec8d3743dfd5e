package dev.glassbox.tensor.kernels;

import java.util.Arrays;

/**
 * The reference kernels: one plain loop per formula, accumulating in float like the vector version
 * (except where noted), so that the two differ only by summation order.
 */
final class ScalarKernels implements Kernels {
    static final ScalarKernels INSTANCE = new ScalarKernels();

    private ScalarKernels() {}

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        float sum = 0f;
        for (int i = 0; i < n; i++) {
            sum += a[aOff + i] * b[bOff + i];
        }
        return sum;
    }

    @Override
    public void matVec(float[] w, int rows, int cols, float[] x, int xOff, float[] y, int yOff) {
        for (int r = 0; r < rows; r++) {
            y[yOff + r] = dot(w, r * cols, x, xOff, cols);
        }
    }

    @Override
    public void matMul(float[] w, int rows, int cols, float[] x, int xOff, int n, float[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            matVec(w, rows, cols, x, xOff + i * cols, y, yOff + i * rows);
        }
    }

    @Override
    public void axpy(float a, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] += a * x[xOff + i];
        }
    }

    @Override
    public void softmax(float[] x, int off, int n) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, x[off + i]);
        }
        if (max == Float.NEGATIVE_INFINITY) {
            Arrays.fill(x, off, off + n, 0f);
            return;
        }
        float sum = 0f;
        for (int i = 0; i < n; i++) {
            float e = (float) Math.exp(x[off + i] - max);
            x[off + i] = e;
            sum += e;
        }
        float inv = 1f / sum;
        for (int i = 0; i < n; i++) {
            x[off + i] *= inv;
        }
    }

    @Override
    public void rmsNorm(float[] x, int xOff, float[] weight, float eps, float[] out, int outOff, int n) {
        float sumSquares = 0f;
        for (int i = 0; i < n; i++) {
            sumSquares += x[xOff + i] * x[xOff + i];
        }
        float scale = (float) (1.0 / Math.sqrt(sumSquares / n + eps));
        for (int i = 0; i < n; i++) {
            out[outOff + i] = x[xOff + i] * scale * weight[i];
        }
    }

    @Override
    public void layerNorm(float[] x, int xOff, float[] weight, float eps, float[] out, int outOff, int n) {
        float sum = 0f;
        for (int i = 0; i < n; i++) {
            sum += x[xOff + i];
        }
        float mean = sum / n;
        float sumSquares = 0f;
        for (int i = 0; i < n; i++) {
            float d = x[xOff + i] - mean;
            sumSquares += d * d;
        }
        float scale = (float) (1.0 / Math.sqrt(sumSquares / n + eps));
        for (int i = 0; i < n; i++) {
            out[outOff + i] = (x[xOff + i] - mean) * scale * weight[i];
        }
    }

    @Override
    public void relu(float[] x, int off, int n) {
        for (int i = off; i < off + n; i++) {
            x[i] = Math.max(x[i], 0f);
        }
    }

    @Override
    public void geluTanh(float[] x, int off, int n) {
        for (int i = off; i < off + n; i++) {
            x[i] = geluTanh(x[i]);
        }
    }

    @Override
    public void silu(float[] x, int off, int n) {
        for (int i = off; i < off + n; i++) {
            x[i] = (float) (x[i] / (1.0 + Math.exp(-x[i])));
        }
    }

    static final float SQRT_2_OVER_PI = (float) Math.sqrt(2.0 / Math.PI);
    static final float GELU_CUBIC = 0.044715f;

    static float geluTanh(float v) {
        return (float) (0.5 * v * (1.0 + Math.tanh(SQRT_2_OVER_PI * (v + GELU_CUBIC * v * v * v))));
    }
}
