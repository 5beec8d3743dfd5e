package dev.glassbox.tensor.kernels;

/**
 * The numeric inner loops of a transformer, over plain float arrays with explicit offsets.
 *
 * <p>Two implementations answer the same calls: {@link ScalarKernels}, plain loops that read like the
 * maths and serve as the oracle, and {@link VectorKernels}, the same maths with the Vector API. They are
 * tested against each other on random data. {@link #preferred()} is chosen once at start-up: the vector
 * one when {@code jdk.incubator.vector} is present, unless the system property
 * {@code glassbox.kernels=scalar|vector} forces a choice.
 *
 * <p>Matrices are row-major with one row per output ({@code y = W x}); vectors are runs of
 * {@code n} floats starting at an offset. Results agree between implementations up to float rounding
 * (summation order differs), not bit for bit.
 */
public interface Kernels {

    /** A short name for logs and test reports: "scalar" or "vector". */
    String name();

    /** sum_i a[aOff+i] * b[bOff+i] for i < n. */
    float dot(float[] a, int aOff, float[] b, int bOff, int n);

    /** y[yOff+r] = sum_c w[r*cols+c] * x[xOff+c] for every row r < rows. */
    void matVec(float[] w, int rows, int cols, float[] x, int xOff, float[] y, int yOff);

    /**
     * The same product for a batch of {@code n} input vectors stored one after another:
     * Y[i] = W X[i], with X[i] at {@code xOff + i*cols} and Y[i] at {@code yOff + i*rows}.
     * Equivalently Y = X W^T for X of shape [n][cols].
     */
    void matMul(float[] w, int rows, int cols, float[] x, int xOff, int n, float[] y, int yOff);

    /** y[yOff+i] += a * x[xOff+i] for i < n. */
    void axpy(float a, float[] x, int xOff, float[] y, int yOff, int n);

    /**
     * In place: x_i = exp(x_i - max x) / sum_j exp(x_j - max x). Entries of -inf become 0; a run that is
     * all -inf (nothing to attend to) becomes all 0 rather than NaN.
     */
    void softmax(float[] x, int off, int n);

    /** out_i = x_i / sqrt(mean(x^2) + eps) * weight_i; {@code out} may be {@code x}. */
    void rmsNorm(float[] x, int xOff, float[] weight, float eps, float[] out, int outOff, int n);

    /** out_i = (x_i - mean x) / sqrt(var x + eps) * weight_i, with the population variance. */
    void layerNorm(float[] x, int xOff, float[] weight, float eps, float[] out, int outOff, int n);

    /** In place: x = max(x, 0). */
    void relu(float[] x, int off, int n);

    /** In place, GELU's tanh approximation: x/2 * (1 + tanh(sqrt(2/pi) * (x + 0.044715 x^3))). */
    void geluTanh(float[] x, int off, int n);

    /** In place, SiLU (swish): x * sigmoid(x) = x / (1 + exp(-x)). */
    void silu(float[] x, int off, int n);

    /** The implementation chosen at start-up (see the class comment). */
    static Kernels preferred() {
        return KernelSelector.PREFERRED;
    }

    /** The plain-loop reference implementation, always available. */
    static Kernels scalar() {
        return ScalarKernels.INSTANCE;
    }

    /**
     * The Vector API implementation.
     *
     * @throws IllegalStateException when the JVM was started without {@code --add-modules jdk.incubator.vector}
     */
    static Kernels vector() {
        return KernelSelector.vector();
    }
}
