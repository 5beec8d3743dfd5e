package dev.glassbox.tensor;

import dev.glassbox.tensor.parallel.Parallelism;

/**
 * A weight matrix W with {@code rows} outputs and {@code cols} inputs, stored in the layout of
 * PyTorch's {@code nn.Linear} and of GGUF: one row per output, so {@code y = W x} reads each row once.
 * Implementations hold plain floats today and quantized blocks later; callers see only this interface.
 */
public interface WeightMatrix {
    int rows();

    int cols();

    /** The element at (row, col), dequantized. Slow path: for analysis and tests, not for kernels. */
    float get(int row, int col);

    /** y[yOff + r] = sum_c W[r][c] * x[xOff + c] for every row r. */
    void matVec(float[] x, int xOff, float[] y, int yOff);

    /**
     * The product for {@code n} inputs stored one after another: Y[i] = W X[i], with X[i] at
     * {@code xOff + i*cols()} and Y[i] at {@code yOff + i*rows()} (Y = X W^T for X of shape [n][cols]).
     */
    default void matMul(float[] x, int xOff, int n, float[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            matVec(x, xOff + i * cols(), y, yOff + i * rows());
        }
    }

    /**
     * {@link #matMul} with the rows shared out between the threads of {@code parallel}; the result is the
     * same for any number of threads. Implementations that cannot split their rows run serially (this
     * default).
     */
    default void matMul(float[] x, int xOff, int n, float[] y, int yOff, Parallelism parallel) {
        matMul(x, xOff, n, y, yOff);
    }

    /**
     * Whether a product of {@code n} inputs is worth sharing out: more than one thread, and at least
     * {@link #PARALLEL_FROM} multiply-adds (a smaller one is over before the other threads have started).
     */
    default boolean worthSplitting(int n, Parallelism parallel) {
        return parallel.threads() > 1 && (long) rows() * cols() * n >= PARALLEL_FROM;
    }

    /** Multiply-adds from which a product is shared out between threads. */
    long PARALLEL_FROM = 1 << 17;

    /**
     * The product with a band of columns only: y[yOff + r] = sum_{c < count} W[r][start + c] * x[xOff + c].
     * This is one attention head's share of the output projection.
     */
    default void matVecColumns(int start, int count, float[] x, int xOff, float[] y, int yOff) {
        for (int r = 0; r < rows(); r++) {
            float sum = 0f;
            for (int c = 0; c < count; c++) {
                sum += get(r, start + c) * x[xOff + c];
            }
            y[yOff + r] = sum;
        }
    }

    /** Copies row {@code row} (for an embedding table: one token's vector) into {@code out} at {@code off}. */
    default void copyRow(int row, float[] out, int off) {
        for (int c = 0; c < cols(); c++) {
            out[off + c] = get(row, c);
        }
    }
}
