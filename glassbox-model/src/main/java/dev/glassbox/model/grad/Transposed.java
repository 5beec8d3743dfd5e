package dev.glassbox.model.grad;

import dev.glassbox.tensor.FloatMatrix;
import dev.glassbox.tensor.WeightMatrix;
import dev.glassbox.tensor.kernels.Kernels;

/**
 * Backward of a linear map y = W x (+ b): dx = Wᵀ dy, for n rows at once. W is stored one row per
 * output, so Wᵀ dy = Σ_r dy_r W[r, :]: each row of W is read once (copied once when it is not dense
 * floats) and added, scaled, into every position's dx; rows whose dy is zero everywhere are skipped
 * (a logit-difference metric touches two rows of the unembedding).
 *
 * <p>Cost: the same multiply-adds as the forward product, but as one axpy per (row, position), which
 * loads and stores dx where the forward kernel's blocked dot products only load; measured at about twice
 * the forward product's time (docs/benchmarks.md). A transposed-product kernel in glassbox-tensor, scalar
 * and vector, blocked like {@code matMul}, would close that gap.
 */
final class Transposed {
    private Transposed() {}

    /** A new [n][W.cols] array Wᵀ dy. */
    static float[] times(WeightMatrix w, float[] dy, int n, Kernels kernels) {
        float[] dx = new float[n * w.cols()];
        accumulate(w, dy, n, dx, kernels);
        return dx;
    }

    /** dx += Wᵀ dy, with dy [n][W.rows] and dx [n][W.cols]. */
    static void accumulate(WeightMatrix w, float[] dy, int n, float[] dx, Kernels kernels) {
        int rows = w.rows(), cols = w.cols();
        float[] dense = w instanceof FloatMatrix f ? f.data() : null;
        float[] scratch = dense == null ? new float[cols] : null;
        for (int r = 0; r < rows; r++) {
            if (!anyNonZero(dy, r, rows, n)) continue;
            float[] row = dense;
            int rowOff = r * cols;
            if (dense == null) {
                w.copyRow(r, scratch, 0);
                row = scratch;
                rowOff = 0;
            }
            for (int i = 0; i < n; i++) {
                float a = dy[i * rows + r];
                if (a != 0f) kernels.axpy(a, row, rowOff, dx, i * cols, cols);
            }
        }
    }

    private static boolean anyNonZero(float[] dy, int r, int rows, int n) {
        for (int i = 0; i < n; i++) {
            if (dy[i * rows + r] != 0f) return true;
        }
        return false;
    }
}
