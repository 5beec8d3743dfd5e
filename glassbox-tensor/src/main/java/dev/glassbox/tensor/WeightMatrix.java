package dev.glassbox.tensor;

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
}
