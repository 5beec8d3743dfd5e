package dev.glassbox.model.forward;

import dev.glassbox.tensor.WeightMatrix;
import dev.glassbox.tensor.parallel.Parallelism;

/** Small helpers over [n][width] row-major arrays. */
final class Rows {
    private Rows() {}

    /** y_r = W x_r + b for each of the {@code n} rows of x, W's rows shared out by {@code parallel}; a new [n][W.rows] array. */
    static float[] linear(WeightMatrix w, float[] bias, float[] x, int n, Parallelism parallel) {
        float[] y = new float[n * w.rows()];
        w.matMul(x, 0, n, y, 0, parallel);
        addBias(y, bias, n);
        return y;
    }

    /** x[r][c] += bias[c] for every row; a null bias adds nothing. */
    static void addBias(float[] x, float[] bias, int n) {
        if (bias == null) return;
        int width = bias.length;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < width; c++) {
                x[r * width + c] += bias[c];
            }
        }
    }

    /** Soft-capping: x -> cap * tanh(x / cap), which squashes x smoothly into (-cap, cap). */
    static float softcap(float x, float cap) {
        return (float) (cap * Math.tanh(x / cap));
    }
}
